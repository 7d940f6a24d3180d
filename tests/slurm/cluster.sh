# A single-node SLURM cluster on this machine, for the end-to-end test (sourced, not run).
# The recipe of ../shared/spec/slurm_local.md: munged as the munge user, slurmctld and slurmd as
# plain daemons (no systemd, no cgroups, no accounting), all state in one temp dir. Every daemon
# this starts is stopped by PID in cluster_stop, which the caller must run from an EXIT trap.
#   cluster_start   -> sets SLURM_CI_DIR, MUNGE_PID, CTLD_PID, SLURMD_PID
#   cluster_stop
MUNGE_PID=""; CTLD_PID=""; SLURMD_PID=""; SLURM_CI_DIR=""

cluster_install() {
  local need=()
  for p in munge slurmctld slurmd slurm-client; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || need+=("$p")
  done
  [[ ${#need[@]} -eq 0 ]] && return 0
  # the metapackage slurm-wlm would pull 37 packages; these four are enough
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null ||
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; }
}

_pid_from_file() {  # daemons fork; their pid file appears a moment after the command returns
  for _ in $(seq 1 100); do [[ -s "$1" ]] && { cat "$1"; return 0; }; sleep 0.1; done
  echo "no pid file $1" >&2; return 1
}

cluster_start() {
  local cpus=${1:-8} host
  host=$(hostname -s)
  SLURM_CI_DIR=$(mktemp -d -t alpscan-slurm.XXXXXX)
  if [[ ! -s /etc/munge/munge.key ]]; then
    mungekey --create --keyfile=/etc/munge/munge.key
    chown munge:munge /etc/munge/munge.key; chmod 0400 /etc/munge/munge.key
  fi
  install -d -o munge -g munge -m 0755 /run/munge
  if ! munge -n </dev/null 2>/dev/null | unmunge >/dev/null 2>&1; then
    rm -f /run/munge/munged.pid
    runuser -u munge -- /usr/sbin/munged     # munged refuses to run as root
    MUNGE_PID=$(_pid_from_file /run/munge/munged.pid) || return 1
  fi
  munge -n </dev/null | unmunge >/dev/null || return 1
  mkdir -p "$SLURM_CI_DIR/state" "$SLURM_CI_DIR/spool" /etc/slurm
  cat > /etc/slurm/slurm.conf <<CONF
ClusterName=ci
SlurmctldHost=${host}(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
SlurmctldPort=6817
SlurmdPort=6818
StateSaveLocation=$SLURM_CI_DIR/state
SlurmdSpoolDir=$SLURM_CI_DIR/spool
SlurmctldPidFile=$SLURM_CI_DIR/slurmctld.pid
SlurmdPidFile=$SLURM_CI_DIR/slurmd.pid
SlurmctldLogFile=$SLURM_CI_DIR/slurmctld.log
SlurmdLogFile=$SLURM_CI_DIR/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SwitchType=switch/none
MpiDefault=pmix
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
SlurmdParameters=config_overrides
ReturnToService=2
MailProg=/bin/true
InactiveLimit=0
KillWait=5
MinJobAge=300
Waittime=0
NodeName=${host} NodeAddr=127.0.0.1 CPUs=${cpus} RealMemory=4096 State=UNKNOWN
PartitionName=debug Nodes=${host} Default=YES MaxTime=30 State=UP OverSubscribe=YES
CONF
  /usr/sbin/slurmctld -c || return 1
  CTLD_PID=$(_pid_from_file "$SLURM_CI_DIR/slurmctld.pid") || return 1
  /usr/sbin/slurmd || return 1
  SLURMD_PID=$(_pid_from_file "$SLURM_CI_DIR/slurmd.pid") || return 1
  for _ in $(seq 1 120); do
    [[ "$(sinfo -h -n "$host" -o '%T' 2>/dev/null)" == idle ]] && return 0
    sleep 0.25
  done
  echo "slurm node did not become idle" >&2
  return 1
}

cluster_stop() {
  set +e
  for p in $SLURMD_PID $CTLD_PID; do kill -TERM "$p" 2>/dev/null; done
  for _ in $(seq 1 80); do
    local alive=0
    for p in $SLURMD_PID $CTLD_PID; do kill -0 "$p" 2>/dev/null && alive=1; done
    [[ $alive == 0 ]] && break
    sleep 0.25
  done
  for p in $SLURMD_PID $CTLD_PID; do kill -0 "$p" 2>/dev/null && kill -KILL "$p"; done
  if [[ -n $MUNGE_PID ]]; then
    kill -TERM "$MUNGE_PID" 2>/dev/null
    for _ in $(seq 1 40); do kill -0 "$MUNGE_PID" 2>/dev/null || break; sleep 0.25; done
    kill -0 "$MUNGE_PID" 2>/dev/null && kill -KILL "$MUNGE_PID"
  fi
  [[ -n $SLURM_CI_DIR ]] && rm -rf "$SLURM_CI_DIR"
}

# job_state ID -> "STATE EXITCODE" from scontrol (sacct needs accounting, which we do not run)
job_state() {
  local line
  line=$(scontrol show job "$1" -o 2>/dev/null) || { echo "UNKNOWN -"; return; }
  echo "$(sed -n 's/.*JobState=\([A-Z_]*\).*/\1/p' <<<"$line") $(sed -n 's/.* ExitCode=\([0-9:]*\).*/\1/p' <<<"$line")"
}

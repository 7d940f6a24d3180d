"""Styles of the alpscan plots (used by plot_result.py): experiment colours, axis labels, short names.

The colour of an experiment depends on its name alone (a fixed table, else a hash of the name), never on
which other experiments a plot holds or in which order they come, so one experiment has one colour in
every plot of every result.
"""
import colorsys
import hashlib
import re

# Fixed colours of the layers that are not experiments.
UNION_COLOUR = "#000000"      # union of the limits: thick black outline
COMBINED_COLOUR = "#8c8c8c"   # combined likelihood: thick grey outline
CONDITION_COLOUR = "#000000"  # model-consistency bounds: black dashed
BAND_1SIGMA = "#c99a06"       # g-2 preferred regions: gold, 1 sigma darker than 2 sigma
BAND_2SIGMA = "#f3d36b"
REFERENCE_COLOUR = "#e0a96d"  # QCD-axion band (AxionLimits draws it in a yellow-orange)

# The colour of each of the project's experiments, fixed by hand so that experiments drawn together
# (the reference jobs' groups: low-mass, FIPs BC9 / beam dumps, invisible ALPs) differ. A name not listed
# (a new experiment, or a job's variant label such as poseydon_ses) gets its colour from the SHA-256 of
# the name. Never from a plot's content or order: one experiment, one colour in every plot.
EXPERIMENT_COLOURS = {
    # light shining through a wall, birefringence
    "alps1": "#b22222", "alps2": "#ff6f61", "osqar": "#7b1f3a", "pvlas": "#e377c2",
    # helioscopes
    "cast_2017": "#1f4e9c", "cast_all_phases": "#4a90d9", "babyiaxo": "#3fa7d6", "iaxo": "#08306b",
    # stars
    "hb_r_parameter": "#2ca02c", "sun_helioseismology": "#a6a61c", "red_giant_tip": "#006d2c",
    "white_dwarf_lf": "#74c476",
    # astrophysical spectra and polarisation
    "mwd_polarisation": "#17becf", "chandra_ngc1275": "#008080", "chandra_h1821": "#5f9ea0",
    "mrk421": "#7f3c8d",
    # SN1987A
    "sn1987a_gamma": "#8c564b", "sn1987a_heavy_alp_nu": "#c49c94", "sn1987a_heavy_alp_gamma": "#6b3d2e",
    # proton and electron beam dumps, PASSAT
    "charm": "#1f77b4", "nucal": "#17a589", "e137": "#d62728", "e141": "#ff7f0e", "na62_dump": "#66a61e",
    "ship_bdf": "#e7298a", "na64_alp": "#9467bd", "na64_alp_5e12": "#5e3c99", "na64_visible": "#b39ddb",
    "passat_nomad": "#393b79", "passat_cast_bdf": "#637939", "passat_cast_bdf_20t": "#8ca252",
    "passat_babyiaxo_bdf": "#843c39", "passat_babyiaxo_bdf_20t": "#d6616b",
    "miniboone_dump": "#3182bd", "miniboone_dump_paper": "#9ecae1", "argoneut": "#31a354",
    # colliders
    "belle2_3gamma": "#e6550d", "belle2_3gamma_50ab": "#fd8d3c", "lep_opal_3gamma": "#4d4d4d",
    "delphi_monophoton": "#ad494a", "delphi_monophoton_conservative": "#e7969c", "babar_monophoton": "#7b4173",
    "belle2_monophoton_20fb": "#ce6dbd", "belle2_monophoton_50ab": "#a55194",
    # positron on target
    "padme_run": "#8c6d31", "poseydon": "#0e8fa3",
    # lepton g-2 (the hatching over the gold preferred bands)
    "g2_electron": "#3366cc", "g2_muon": "#109618",
    # bandpass UV-completion conditions (drawn black dashed; listed for completeness)
    "bandpass_dark_photon": "#000000", "bandpass_fa_above_ma": "#000000", "bandpass_millicharge_pvlas": "#000000",
    "bandpass_millicharge_stellar": "#000000", "bandpass_perturbativity": "#000000",
}
_RESERVED_HUES = [(0.07, 0.16)]  # gold/orange of the g-2 and QCD bands: not given to hashed names


def experiment_colour(name):
    """'#rrggbb': the table above, else from the SHA-256 of the name (hue from 16 bits outside the
    reserved range, lightness and saturation from further bits)."""
    if name in EXPERIMENT_COLOURS:
        return EXPERIMENT_COLOURS[name]
    d = hashlib.sha256(name.encode("utf-8")).digest()
    free = 1.0 - sum(b - a for a, b in _RESERVED_HUES)
    h = int.from_bytes(d[0:2], "big") / 65536.0 * free
    for a, b in _RESERVED_HUES:  # skip over the reserved ranges
        if h >= a:
            h += b - a
    lightness = 0.30 + 0.26 * int.from_bytes(d[2:4], "big") / 65536.0
    saturation = (0.60, 0.80)[d[4] % 2]
    r, g, b = colorsys.hls_to_rgb(h % 1.0, lightness, saturation)
    return "#{:02x}{:02x}{:02x}".format(round(r * 255), round(g * 255), round(b * 255))


# Hatch of the preferred bands per experiment (1 sigma: the same hatch over a darker gold); others "xx".
BAND_HATCHES = {"g2_electron": "////", "g2_muon": "\\\\\\\\"}


def band_hatch(name, one_sigma):
    return BAND_HATCHES.get(name, "xx")


def lighter(colour, amount=0.45):
    """The colour mixed with white (fills: stacked translucent fills of light colours stay readable)."""
    r, g, b = (int(colour[i:i + 2], 16) / 255.0 for i in (1, 3, 5))
    r, g, b = (c + (1 - c) * amount for c in (r, g, b))
    return "#{:02x}{:02x}{:02x}".format(round(r * 255), round(g * 255), round(b * 255))


def darker(colour, factor=0.7):
    """The colour with its lightness scaled by factor (for edges and label text)."""
    r, g, b = (int(colour[i:i + 2], 16) / 255.0 for i in (1, 3, 5))
    h, l, s = colorsys.rgb_to_hls(r, g, b)
    r, g, b = colorsys.hls_to_rgb(h, l * factor, s)
    return "#{:02x}{:02x}{:02x}".format(round(r * 255), round(g * 255), round(b * 255))


# Axis symbols (mathtext) of alpscan's axes; the unit comes from the result.
_SYMBOLS = {
    "m_a": r"$m_a$",
    "g_agg": r"$g_{a\gamma\gamma}$",
    "g_ae": r"$|g_{ae}|$",
    "g_achi": r"$g_{a\chi}$",
    "m_chi": r"$m_\chi$",
    "br_inv": r"BR$(a\to$ invisible$)$",
    "eps": r"$\epsilon$",
    "m_D": r"$m_D$",
    "m_f_light": r"$m_\psi$",
    "m_f_heavy": r"$m_\chi$ (heavy fermion)",
}


def unit_text(unit):
    """'GeV^-1' -> 'GeV$^{-1}$'; '1' or '' -> '' (dimensionless)."""
    if unit in ("", "1", None):
        return ""
    return re.sub(r"\^(-?\d+)", r"$^{\1}$", unit)


def axis_label(axis, unit):
    sym = _SYMBOLS.get(axis, axis.replace("_", r"\_"))
    u = unit_text(unit)
    return f"{sym} [{u}]" if u else f"{sym} (dimensionless)"


def short_title(title, limit=46):
    """The head of an experiment's title, for the legend: up to the first ' (' or ': ' or ', ' after a
    word, e.g. 'ALPS-I (DESY 2010): LSW ...' -> 'ALPS-I'."""
    t = title.strip()
    cut = len(t)
    for sep in (" (", ": ", "; "):
        i = t.find(sep)
        if 0 < i < cut:
            cut = i
    t = t[:cut]
    return t if len(t) <= limit else t[:limit - 1].rstrip() + "\u2026"


def format_value(v):
    return f"{v:g}"

"""Styles of the alpscan plots (used by plot_result.py): experiment colours, axis labels, short names.

The colour of an experiment depends on its name alone (a family table of name patterns and a hash of the
name), never on which other experiments a plot holds or in which order they come, so one experiment has
one colour in every plot of every result.
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

# Experiment families by name (first match wins): (pattern, centre hue in turns of the colour wheel). An
# experiment's colour is its family's hue moved by up to +-0.045 turns and given a lightness, both from the
# SHA-256 of its name; names matching no pattern get a hue from the hash (outside the gold/orange range
# of the g-2 and QCD bands).
FAMILY_HUES = [
    (r"^(alps|osqar|pvlas)", 0.99),                               # light shining through a wall, birefringence: red
    (r"^(cast|babyiaxo|iaxo)", 0.60),                              # helioscopes: blue
    (r"^(hb_|sun_|red_giant|white_dwarf)", 0.33),                  # stellar energy loss: green
    (r"^(chandra|mrk|mwd_|fermi|hess)", 0.50),                     # astrophysical spectra, polarisation: teal
    (r"^sn1987a", 0.22),                                           # SN1987A: yellow-green
    (r"^(passat|charm|nucal|e137|e141|na62|ship|miniboone|argoneut|na64|nomad)", 0.72),  # dumps: violet
    (r"^(belle|babar|delphi|lep_|opal)", 0.87),                    # colliders: magenta
    (r"^(padme|poseydon)", 0.04),                                  # positron target: red-brown
    (r"^g2_electron", 0.58),                                       # lepton g-2: the hatching over the gold
    (r"^g2_muon", 0.42),                                           #   bands, electron blue, muon green-cyan
    (r"^g2_", 0.50),
]
_RESERVED_HUES = [(0.07, 0.16)]


def experiment_colour(name):
    """'#rrggbb' from the experiment's name alone (family table above + SHA-256 of the name)."""
    d = hashlib.sha256(name.encode("utf-8")).digest()
    r1 = int.from_bytes(d[0:2], "big") / 65536.0
    r2 = int.from_bytes(d[2:4], "big") / 65536.0
    for pattern, hue in FAMILY_HUES:
        if re.search(pattern, name):
            h = hue + 0.09 * (r1 - 0.5)
            break
    else:
        free = 1.0 - sum(b - a for a, b in _RESERVED_HUES)
        h = r1 * free
        for a, b in _RESERVED_HUES:  # skip over the reserved ranges
            if h >= a:
                h += b - a
    lightness = 0.30 + 0.26 * r2
    saturation = (0.60, 0.80)[d[4] % 2]
    r, g, b = colorsys.hls_to_rgb(h % 1.0, lightness, saturation)
    return "#{:02x}{:02x}{:02x}".format(round(r * 255), round(g * 255), round(b * 255))


# Hatch of the preferred bands per experiment (the 1 sigma band has it twice as dense); others "xx".
BAND_HATCHES = {"g2_electron": "////", "g2_muon": "\\\\\\\\"}


def band_hatch(name, one_sigma):
    h = BAND_HATCHES.get(name, "xx")
    return h * 2 if one_sigma else h


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

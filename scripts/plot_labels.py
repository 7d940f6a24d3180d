"""Greedy placement of region labels for plot_result.py.

Everything happens in axes-fraction coordinates (u, v) in [0, 1]^2 of the (log-)transformed plot, on a
raster of cell centres. Each region is a boolean mask on the raster; a label is a box (its text extent).
Regions are labelled smallest first (they have the fewest places); for each, every raster cell where the
box would touch the region is a candidate, scored by
  + how much of the box lies on its own region (and of a 1.6x larger box: prefers room around the text),
  - how much of it lies on other regions (mean number of other regions under the box),
  - closeness to labels already placed (a hard no-overlap margin, a soft penalty beyond it),
and the best candidate wins; a label must have at least half its box on its own region (labels of lines
and thin bands: on a strip along them instead), else the region is named in the legend only. Box sums are O(1) through summed-area tables.
"""
import numpy as np

NU, NV = 200, 130  # raster columns (u) and rows (v)
ACCEPT = 0.5       # minimum fraction of a label's box on its own region


def cell_centres():
    u = (np.arange(NU) + 0.5) / NU
    v = (np.arange(NV) + 0.5) / NV
    return np.meshgrid(u, v)  # arrays of shape (NV, NU)


def _sat(mask):
    """Summed-area table with a zero first row and column."""
    s = np.zeros((NV + 1, NU + 1))
    s[1:, 1:] = np.cumsum(np.cumsum(mask.astype(float), axis=0), axis=1)
    return s


def _box_sums(sat, w, h):
    """For every cell centre, the sum of the raster under a box of size (w, h) centred there, and the
    number of cells of that box (boxes are clipped at the frame; `inside` says which boxes fit)."""
    hw = max(1, int(round(w * NU / 2)))
    hh = max(1, int(round(h * NV / 2)))
    iu = np.arange(NU)
    iv = np.arange(NV)
    u0 = np.clip(iu - hw, 0, NU)
    u1 = np.clip(iu + hw + 1, 0, NU)
    v0 = np.clip(iv - hh, 0, NV)
    v1 = np.clip(iv + hh + 1, 0, NV)
    tot = sat[v1][:, u1] - sat[v0][:, u1] - sat[v1][:, u0] + sat[v0][:, u0]
    cells = np.outer(v1 - v0, u1 - u0).astype(float)
    inside = np.outer((iv - hh >= 1) & (iv + hh < NV - 1), (iu - hw >= 1) & (iu + hw < NU - 1))  # a cell of margin
    return tot, cells, inside


class LabelPlacer:
    def __init__(self, region_masks):
        """region_masks: {key: bool array (NV, NU)} of every region that a label should avoid."""
        self.masks = region_masks
        count = np.zeros((NV, NU))
        for m in region_masks.values():
            count += m
        self.count_sat = _sat(count)
        self.occupied = np.zeros((NV, NU), bool)  # boxes of labels already placed
        self.placed = []

    def _mark(self, uc, vc, w, h, pad=0.0):
        uu, vv = cell_centres()
        self.occupied |= (np.abs(uu - uc) <= w / 2 + pad) & (np.abs(vv - vc) <= h / 2 + pad)

    def place(self, key, w, h, own=None, candidates=None):
        """Best centre (u, v) for a w x h label of region `key` (its mask: `own`, default the avoidance
        mask of that key), or None. `candidates` (bool mask) limits the centres, e.g. to a strip along a
        line; by default any centre whose box touches the region."""
        if own is None:
            own = self.masks.get(key)
        own_sat = _sat(own) if own is not None else None
        occ_near = _sat(self._dilate(self.occupied, 0.012, 0.02))
        occ_far = _sat(self._dilate(self.occupied, 0.06, 0.08))
        s_near, cells, inside = _box_sums(occ_near, w, h)
        s_far, _, _ = _box_sums(occ_far, w, h)
        s_cnt, _, _ = _box_sums(self.count_sat, w, h)
        if own_sat is not None:
            s_own, _, _ = _box_sums(own_sat, w, h)
            s_big, cells_big, _ = _box_sums(own_sat, 1.6 * w, 1.8 * h)
            own_frac = s_own / cells
            big_frac = s_big / cells_big
            counted = key in self.masks  # its own area is in the count of regions under the box
            others = (s_cnt - (s_own if counted else 0)) / cells
        else:
            own_frac = np.zeros((NV, NU))
            big_frac = own_frac
            others = s_cnt / cells
        ok = inside & (s_near == 0)
        if candidates is not None:
            ok &= candidates
        else:
            ok &= own_frac >= ACCEPT  # at least this much of the label on its own region
        score = own_frac + 0.3 * big_frac - 0.25 * others - 0.3 * (s_far / cells)
        score = np.where(ok, score, -np.inf)
        j = int(np.argmax(score))
        iv, iu = divmod(j, NU)
        if not np.isfinite(score[iv, iu]):
            return None
        uc, vc = (iu + 0.5) / NU, (iv + 0.5) / NV
        self._mark(uc, vc, w, h)
        self.placed.append((key, uc, vc, w, h))
        return uc, vc

    @staticmethod
    def _dilate(mask, du, dv):
        """The mask grown by du, dv (axes fraction) in u and v."""
        out = mask.copy()
        ku, kv = int(round(du * NU)), int(round(dv * NV))
        for s in range(1, ku + 1):
            out[:, s:] |= mask[:, :-s]
            out[:, :-s] |= mask[:, s:]
        grown = out.copy()
        for s in range(1, kv + 1):
            out[s:, :] |= grown[:-s, :]
            out[:-s, :] |= grown[s:, :]
        return out


def boundary_strip(mask, du, dv):
    """Cells within (du, dv) of the mask's boundary: where labels of lines (conditions) may sit."""
    return LabelPlacer._dilate(mask, du, dv) & LabelPlacer._dilate(~mask, du, dv)

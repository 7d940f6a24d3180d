#include "alpscan/scan/Refinement.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

namespace alpscan {

namespace {

struct Box {
  std::vector<std::size_t> lo, hi;
};

// Row-major strides of the grid (last axis fastest).
std::vector<std::size_t> strides_of(const std::vector<std::size_t>& dims) {
  std::vector<std::size_t> s(dims.size(), 1);
  for (std::size_t k = dims.size(); k-- > 1;) s[k - 1] = s[k] * dims[k];
  return s;
}

// Calls f(values) for every element of the product of the per-axis value lists (last axis fastest).
template <class F>
void for_each_product(const std::vector<std::vector<std::size_t>>& lists, F&& f) {
  const std::size_t d = lists.size();
  for (const auto& l : lists)
    if (l.empty()) return;
  std::vector<std::size_t> pos(d, 0), v(d);
  for (std::size_t k = 0; k < d; ++k) v[k] = lists[k][0];
  while (true) {
    f(v);
    std::size_t k = d;
    while (k > 0) {
      --k;
      if (++pos[k] < lists[k].size()) {
        v[k] = lists[k][pos[k]];
        break;
      }
      pos[k] = 0;
      v[k] = lists[k][0];
      if (k == 0) return;
    }
    if (d == 0) return;
  }
}

// Lower corners of the coarse cells along axis k.
std::vector<std::size_t> coarse_starts(const RefinementGrid& g, std::size_t k) {
  const std::size_t n = g.dims[k];
  if (n <= 1) return {0};
  std::vector<std::size_t> s;
  for (std::size_t a = 0; a < n - 1; a += g.step) s.push_back(a);
  return s;
}

// The walk over the hierarchy shared by the request and fill passes.
class Hierarchy {
 public:
  Hierarchy(const RefinementGrid& g, const std::vector<std::uint8_t>& evaluated, const SameStatus& same)
      : g_(g), ev_(evaluated), same_(same), strides_(strides_of(g.dims)) {
    if (g_.step == 0 || (g_.step & (g_.step - 1)) != 0)
      throw std::invalid_argument("refinement: the coarse step must be a power of two >= 1");
    if (ev_.size() != g_.size()) throw std::invalid_argument("refinement: one evaluated flag per grid point expected");
  }

  // visit(box, stride) for every coarse cell (whose number, row-major over the cells, `wanted` accepts).
  template <class F>
  void for_each_coarse_cell(F&& visit, const std::vector<std::uint8_t>* wanted = nullptr) const {
    std::vector<std::vector<std::size_t>> starts(g_.dims.size());
    for (std::size_t k = 0; k < g_.dims.size(); ++k) starts[k] = coarse_starts(g_, k);
    std::size_t cell = 0;
    for_each_product(starts, [&](const std::vector<std::size_t>& a) {
      if (wanted && !(*wanted)[cell++]) return;
      Box b{a, a};
      for (std::size_t k = 0; k < a.size(); ++k) b.hi[k] = std::min(a[k] + g_.step, g_.dims[k] - 1);
      visit(b, g_.step);
    });
  }

  std::size_t index(const std::vector<std::size_t>& x) const {
    std::size_t i = 0;
    for (std::size_t k = 0; k < x.size(); ++k) i += x[k] * strides_[k];
    return i;
  }

  // Per axis: the child lattice coordinates of the box at half its stride (lo, the midpoint if it
  // lies inside, hi).
  std::vector<std::vector<std::size_t>> splits(const Box& b, std::size_t stride) const {
    std::vector<std::vector<std::size_t>> s(b.lo.size());
    for (std::size_t k = 0; k < b.lo.size(); ++k) {
      s[k].push_back(b.lo[k]);
      const std::size_t mid = b.lo[k] + stride / 2;
      if (stride >= 2 && mid < b.hi[k]) s[k].push_back(mid);
      if (b.hi[k] > b.lo[k]) s[k].push_back(b.hi[k]);
    }
    return s;
  }

  std::vector<std::vector<std::size_t>> corner_lists(const Box& b) const {
    std::vector<std::vector<std::size_t>> c(b.lo.size());
    for (std::size_t k = 0; k < b.lo.size(); ++k) c[k] = b.hi[k] > b.lo[k] ? std::vector<std::size_t>{b.lo[k], b.hi[k]}
                                                                             : std::vector<std::size_t>{b.lo[k]};
    return c;
  }

  // What the box is: its corners not all evaluated, mixed (some evaluated point of the closed box
  // differs from its first corner), or a leaf. Unevaluated corners go to `missing`. Every evaluated
  // point counts, not only the corners: a boundary that a neighbouring cell has resolved down to
  // single grid cells shows on the shared face, so a boundary that enters a cell and leaves it
  // through the same face is followed into it (only islands that touch no resolved boundary stay
  // hidden).
  enum class State { corners_missing, leaf, mixed };
  State judge(const Box& b, std::vector<std::size_t>* missing) const {
    bool corners_ok = true;
    for_each_product(corner_lists(b), [&](const std::vector<std::size_t>& x) {
      const std::size_t i = index(x);
      if (!ev_[i]) {
        corners_ok = false;
        if (missing) missing->push_back(i);
      }
    });
    if (!corners_ok) return State::corners_missing;
    const std::size_t c0 = index(b.lo);
    std::vector<std::vector<std::size_t>> range(b.lo.size());
    for (std::size_t k = 0; k < b.lo.size(); ++k)
      for (std::size_t x = b.lo[k]; x <= b.hi[k]; ++x) range[k].push_back(x);
    bool mixed = false;
    for_each_product(range, [&](const std::vector<std::size_t>& x) {
      if (mixed) return;
      const std::size_t i = index(x);
      if (ev_[i] && !same_(c0, i)) mixed = true;
    });
    return mixed ? State::mixed : State::leaf;
  }

  bool children_evaluated(const Box& b, std::size_t stride, std::vector<std::size_t>* missing) const {
    bool all = true;
    for_each_product(splits(b, stride), [&](const std::vector<std::size_t>& x) {
      const std::size_t i = index(x);
      if (!ev_[i]) {
        all = false;
        if (missing) missing->push_back(i);
      }
    });
    return all;
  }

  // visit(child box) for each child of a box at half its stride.
  template <class F>
  void for_each_child(const Box& b, std::size_t stride, F&& visit) const {
    const auto s = splits(b, stride);
    std::vector<std::vector<std::size_t>> seg(s.size());  // segment number per axis
    for (std::size_t k = 0; k < s.size(); ++k)
      for (std::size_t j = 0; j + 1 < std::max<std::size_t>(s[k].size(), 2); ++j) seg[k].push_back(j);
    for_each_product(seg, [&](const std::vector<std::size_t>& j) {
      Box c{b.lo, b.hi};
      for (std::size_t k = 0; k < j.size(); ++k)
        if (s[k].size() >= 2) c.lo[k] = s[k][j[k]], c.hi[k] = s[k][j[k] + 1];
      visit(c);
    });
  }

  const RefinementGrid& g_;
  const std::vector<std::uint8_t>& ev_;
  const SameStatus& same_;
  std::vector<std::size_t> strides_;
};

}  // namespace

std::size_t RefinementGrid::size() const {
  std::size_t n = 1;
  for (std::size_t d : dims) n *= d;
  return n;
}

std::vector<std::size_t> coarse_lattice(const RefinementGrid& g) {
  const std::size_t d = g.dims.size();
  std::vector<std::vector<std::size_t>> lists(d);
  for (std::size_t k = 0; k < d; ++k) {
    for (std::size_t a = 0; a < g.dims[k]; a += g.step) lists[k].push_back(a);
    if (lists[k].back() != g.dims[k] - 1) lists[k].push_back(g.dims[k] - 1);
  }
  const auto strides = strides_of(g.dims);
  std::vector<std::size_t> out;
  auto add = [&](const std::vector<std::size_t>& x) {
    std::size_t i = 0;
    for (std::size_t k = 0; k < x.size(); ++k) i += x[k] * strides[k];
    out.push_back(i);
  };
  for_each_product(lists, add);
  // The grid's edges at full resolution (every point of the lines along one axis with the other
  // coordinates at their extremes): a thin feature that reaches the edge of the grid -- the fingers of
  // an LSW region between coherence zeros, which run up to the largest coupling -- shows there and is
  // followed inwards (a cell is mixed when any of its evaluated points differs). Costs ~2^d n points.
  for (std::size_t k = 0; k < d; ++k) {
    std::vector<std::vector<std::size_t>> line(d);
    for (std::size_t j = 0; j < d; ++j) {
      if (j == k) {
        for (std::size_t a = 0; a < g.dims[j]; ++a) line[j].push_back(a);
      } else {
        line[j].push_back(0);
        if (g.dims[j] > 1) line[j].push_back(g.dims[j] - 1);
      }
    }
    for_each_product(line, add);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<std::size_t> refinement_requests(const RefinementGrid& g, const std::vector<std::uint8_t>& evaluated,
                                             const SameStatus& same) {
  RefinementHierarchy h(g);
  return h.requests(evaluated, same);
}

RefinementHierarchy::RefinementHierarchy(RefinementGrid g) : g_(std::move(g)) {
  std::size_t cells = 1;
  for (std::size_t k = 0; k < g_.dims.size(); ++k) {
    coarse_dims_.push_back(coarse_starts(g_, k).size());
    cells *= coarse_dims_.back();
  }
  dirty_.assign(cells, 1);
}

void RefinementHierarchy::touch_all() {
  std::fill(dirty_.begin(), dirty_.end(), 1);
  any_dirty_ = true;
}

void RefinementHierarchy::touch(std::size_t point) {
  // The point's coordinates, then every coarse cell whose closed box holds it (a point on a coarse
  // lattice line belongs to the cells on both sides).
  const std::size_t d = g_.dims.size();
  std::vector<std::vector<std::size_t>> cells(d);
  std::size_t rest = point;
  for (std::size_t k = d; k-- > 0;) {
    const std::size_t x = rest % g_.dims[k];
    rest /= g_.dims[k];
    const std::size_t c = std::min(x / g_.step, coarse_dims_[k] - 1);
    cells[k].push_back(c);
    if (c > 0 && x == c * g_.step) cells[k].push_back(c - 1);
  }
  for_each_product(cells, [&](const std::vector<std::size_t>& c) {
    std::size_t i = 0;
    for (std::size_t k = 0; k < d; ++k) i = i * coarse_dims_[k] + c[k];
    dirty_[i] = 1;
  });
  any_dirty_ = true;
}

std::vector<std::size_t> RefinementHierarchy::requests(const std::vector<std::uint8_t>& evaluated,
                                                       const SameStatus& same) {
  std::vector<std::size_t> missing;
  if (!any_dirty_) return missing;
  const Hierarchy h(g_, evaluated, same);
  std::function<void(const Box&, std::size_t)> visit = [&](const Box& b, std::size_t stride) {
    const auto state = h.judge(b, &missing);
    if (state != Hierarchy::State::mixed || stride <= 1) return;
    if (!h.children_evaluated(b, stride, &missing)) return;  // judged once they are
    h.for_each_child(b, stride, [&](const Box& c) { visit(c, stride / 2); });
  };
  h.for_each_coarse_cell(visit, &dirty_);
  std::fill(dirty_.begin(), dirty_.end(), 0);
  any_dirty_ = false;
  std::sort(missing.begin(), missing.end());
  missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
  return missing;
}

void for_each_inferred_point(const RefinementGrid& g, const std::vector<std::uint8_t>& evaluated,
                             const SameStatus& same,
                             const std::function<void(const LeafCell&, std::size_t, const double*)>& fill) {
  const Hierarchy h(g, evaluated, same);
  const std::size_t d = g.dims.size();
  std::vector<double> w(std::size_t{1} << d);
  auto fill_leaf = [&](const Box& b) {
    LeafCell cell;
    cell.lo = b.lo, cell.hi = b.hi;
    cell.corners.resize(std::size_t{1} << d);
    for (std::size_t c = 0; c < cell.corners.size(); ++c) {
      std::vector<std::size_t> x(d);
      for (std::size_t k = 0; k < d; ++k) x[k] = (c >> (d - 1 - k)) & 1 ? b.hi[k] : b.lo[k];
      cell.corners[c] = h.index(x);
    }
    std::vector<std::vector<std::size_t>> range(d);
    for (std::size_t k = 0; k < d; ++k)
      for (std::size_t x = b.lo[k]; x <= b.hi[k]; ++x) range[k].push_back(x);
    for_each_product(range, [&](const std::vector<std::size_t>& x) {
      const std::size_t i = h.index(x);
      if (evaluated[i]) return;
      for (std::size_t c = 0; c < w.size(); ++c) {
        double p = 1;
        for (std::size_t k = 0; k < d; ++k) {
          const double t = b.hi[k] > b.lo[k] ? double(x[k] - b.lo[k]) / double(b.hi[k] - b.lo[k]) : 0.0;
          p *= (c >> (d - 1 - k)) & 1 ? t : 1 - t;
        }
        w[c] = p;
      }
      fill(cell, i, w.data());
    });
  };
  std::function<void(const Box&, std::size_t)> visit = [&](const Box& b, std::size_t stride) {
    const auto state = h.judge(b, nullptr);
    if (state == Hierarchy::State::corners_missing) return;  // nothing to infer from
    if (state == Hierarchy::State::leaf || stride <= 1 || !h.children_evaluated(b, stride, nullptr)) {
      fill_leaf(b);
      return;
    }
    h.for_each_child(b, stride, [&](const Box& c) { visit(c, stride / 2); });
  };
  h.for_each_coarse_cell(visit);
}

}  // namespace alpscan

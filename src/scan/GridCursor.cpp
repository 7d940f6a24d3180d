#include "alpscan/scan/GridCursor.hpp"

#include <stdexcept>

namespace alpscan {

GridCursor::GridCursor(std::vector<std::size_t> dims, std::vector<long> fixed)
    : dims_(std::move(dims)), digit_(dims_.size(), 0), walked_(dims_.size(), true) {
  if (!fixed.empty() && fixed.size() != dims_.size())
    throw std::invalid_argument("GridCursor: one fixed index per axis expected");
  for (std::size_t k = 0; k < dims_.size(); ++k) {
    if (dims_[k] == 0) done_ = true;
    if (fixed.empty() || fixed[k] < 0) continue;
    if (static_cast<std::size_t>(fixed[k]) >= dims_[k]) throw std::invalid_argument("GridCursor: fixed index off the axis");
    walked_[k] = false;
    digit_[k] = static_cast<std::size_t>(fixed[k]);
  }
}

std::size_t GridCursor::track(std::vector<std::size_t> strides) {
  if (strides.size() != dims_.size()) throw std::invalid_argument("GridCursor: one stride per axis expected");
  std::size_t v = 0;
  for (std::size_t k = 0; k < dims_.size(); ++k) v += digit_[k] * strides[k];
  stride_.push_back(std::move(strides));
  value_.push_back(v);
  return value_.size() - 1;
}

void GridCursor::next() {
  for (std::size_t k = dims_.size(); k-- > 0;) {
    if (!walked_[k]) continue;
    if (digit_[k] + 1 < dims_[k]) {  // this axis steps; the faster ones were reset below
      ++digit_[k];
      for (std::size_t s = 0; s < value_.size(); ++s) value_[s] += stride_[s][k];
      return;
    }
    for (std::size_t s = 0; s < value_.size(); ++s) value_[s] -= (dims_[k] - 1) * stride_[s][k];
    digit_[k] = 0;
  }
  done_ = true;  // every walked axis wrapped: past the last point
}

std::vector<std::size_t> row_major_strides(const SubGrid& grid) {
  std::vector<std::size_t> s(grid.dims.size(), 1);
  for (std::size_t k = grid.dims.size(); k-- > 1;) s[k - 1] = s[k] * grid.dims[k];
  return s;
}

std::vector<std::size_t> projection_strides(const SubGrid& full, const SubGrid& sub) {
  const std::vector<std::size_t> own = row_major_strides(sub);
  std::vector<std::size_t> s(full.axes.size(), 0);
  std::size_t j = 0;
  for (std::size_t k = 0; k < full.axes.size() && j < sub.axes.size(); ++k)
    if (full.axes[k] == sub.axes[j]) s[k] = own[j++];
  if (j != sub.axes.size()) throw std::invalid_argument("projection_strides: the sub-grid's axes are not the full grid's");
  return s;
}

}  // namespace alpscan

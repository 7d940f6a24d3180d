#include "alpscan/maps/Contour.hpp"

#include <cmath>
#include <map>
#include <utility>

namespace alpscan {

std::vector<Polygon> contour_regions(const std::vector<double>& x, const std::vector<double>& y,
                                     const std::vector<double>& f, bool log_x, bool log_y) {
  const std::size_t nx = x.size(), ny = y.size();
  std::vector<Polygon> out;
  if (nx < 2 || ny < 2 || f.size() != nx * ny) return out;
  // Padded grid (NX = nx + 2, NY = ny + 2); the frame repeats the edge coordinates.
  const std::size_t NX = nx + 2, NY = ny + 2;
  std::vector<double> X(NX), Y(NY);
  for (std::size_t i = 0; i < NX; ++i) {
    const double v = x[i == 0 ? 0 : (i == NX - 1 ? nx - 1 : i - 1)];
    X[i] = log_x ? std::log10(v) : v;
  }
  for (std::size_t j = 0; j < NY; ++j) {
    const double v = y[j == 0 ? 0 : (j == NY - 1 ? ny - 1 : j - 1)];
    Y[j] = log_y ? std::log10(v) : v;
  }
  auto F = [&](std::size_t i, std::size_t j) {
    if (i == 0 || j == 0 || i == NX - 1 || j == NY - 1) return -1.0;
    return f[(i - 1) * ny + (j - 1)];
  };
  auto inside = [&](std::size_t i, std::size_t j) { return F(i, j) >= 0; };
  // Edge ids: horizontal edge (i,j)-(i+1,j) = 2*(i*NY+j); vertical (i,j)-(i,j+1) = 2*(i*NY+j)+1.
  auto hid = [&](std::size_t i, std::size_t j) { return 2 * (i * NY + j); };
  auto vid = [&](std::size_t i, std::size_t j) { return 2 * (i * NY + j) + 1; };
  auto crossing = [&](std::size_t id) {
    const std::size_t c = id / 2, i = c / NY, j = c % NY;
    const bool horiz = id % 2 == 0;
    const std::size_t i2 = horiz ? i + 1 : i, j2 = horiz ? j : j + 1;
    const double f0 = F(i, j), f1 = F(i2, j2);
    const double t = f0 / (f0 - f1);
    return std::make_pair(X[i] + t * (X[i2] - X[i]), Y[j] + t * (Y[j2] - Y[j]));
  };
  std::vector<std::pair<std::size_t, std::size_t>> segs;
  for (std::size_t i = 0; i + 1 < NX; ++i) {
    for (std::size_t j = 0; j + 1 < NY; ++j) {
      const int c = (inside(i, j) ? 1 : 0) | (inside(i + 1, j) ? 2 : 0) | (inside(i + 1, j + 1) ? 4 : 0) |
                    (inside(i, j + 1) ? 8 : 0);
      if (c == 0 || c == 15) continue;
      const std::size_t B = hid(i, j), R = vid(i + 1, j), T = hid(i, j + 1), L = vid(i, j);
      if (c == 5 || c == 10) {
        const bool centre = 0.25 * (F(i, j) + F(i + 1, j) + F(i + 1, j + 1) + F(i, j + 1)) >= 0;
        if ((c == 5) == centre) {  // corners b and d cut off
          segs.push_back({B, R});
          segs.push_back({T, L});
        } else {  // corners a and c cut off
          segs.push_back({L, B});
          segs.push_back({R, T});
        }
        continue;
      }
      std::vector<std::size_t> e;
      if ((c & 1) != ((c >> 1) & 1)) e.push_back(B);
      if (((c >> 1) & 1) != ((c >> 2) & 1)) e.push_back(R);
      if (((c >> 2) & 1) != ((c >> 3) & 1)) e.push_back(T);
      if (((c >> 3) & 1) != (c & 1)) e.push_back(L);
      if (e.size() == 2) segs.push_back({e[0], e[1]});
    }
  }
  // Chain segments through shared edges into closed loops (every edge is used by two segments).
  std::map<std::size_t, std::vector<std::size_t>> by_edge;
  for (std::size_t s = 0; s < segs.size(); ++s) {
    by_edge[segs[s].first].push_back(s);
    by_edge[segs[s].second].push_back(s);
  }
  std::vector<bool> used(segs.size(), false);
  for (std::size_t s0 = 0; s0 < segs.size(); ++s0) {
    if (used[s0]) continue;
    std::vector<std::size_t> edges = {segs[s0].first};
    std::size_t cur = s0, at = segs[s0].second;
    used[s0] = true;
    while (at != edges.front()) {
      edges.push_back(at);
      std::size_t next = cur;
      for (std::size_t s : by_edge[at])
        if (!used[s]) next = s;
      if (next == cur) break;  // open chain (cannot happen with the padded frame)
      used[next] = true;
      at = segs[next].first == at ? segs[next].second : segs[next].first;
      cur = next;
    }
    Polygon poly;
    for (std::size_t id : edges) {
      auto [px, py] = crossing(id);
      std::pair<double, double> p{log_x ? std::pow(10.0, px) : px, log_y ? std::pow(10.0, py) : py};
      if (poly.empty() || poly.back() != p) poly.push_back(p);
    }
    if (poly.size() >= 3) {
      poly.push_back(poly.front());
      out.push_back(std::move(poly));
    }
  }
  return out;
}

}  // namespace alpscan

#include "alpscan/model/AlpWidths.hpp"

#include "alpscan/core/Units.hpp"

namespace alpscan::model {

double width_a_to_gg(double g, double m) { return g * g * m * m * m / (64.0 * units::pi); }

}  // namespace alpscan::model

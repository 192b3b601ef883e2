//===- Visualization.h - mx.viz for symc::Symbol -------------------*- C++ -*-===//
//
// MXNet's mx.viz: print_summary's layer table (the same text MXNet prints,
// quirks included) and plot_network's Graphviz graph, as DOT text that
// `dot -Tpng` renders.
//
//===----------------------------------------------------------------------===//

#ifndef SYMC_API_VISUALIZATION_H
#define SYMC_API_VISUALIZATION_H

#include "symc/API/Symbol.h"

#include <iostream>

namespace symc::viz {

/// print_summary(symbol, shape=None, line_length=120, positions=[.44, .64,
/// .74, 1.]): output shapes and parameter counts need `shape`.
void print_summary(const Symbol &symbol,
                   const std::optional<std::map<std::string, Shape>> &shape = {},
                   std::ostream &os = std::cout, int line_length = 120,
                   std::vector<double> positions = {.44, .64, .74, 1.});

/// plot_network(symbol, title="plot", shape=None, dtype=None, node_attrs={},
/// hide_weights=True) as DOT text. Edges point from each node to its inputs
/// (drawn backwards), as MXNet draws them.
std::string plot_network(const Symbol &symbol, const std::string &title = "plot",
                         const std::optional<std::map<std::string, Shape>> &shape = {},
                         const std::optional<std::map<std::string, std::string>> &dtype = {},
                         const Attrs &node_attrs = {}, bool hide_weights = true);

/// Registers sym-translate's --mxnet-json-to-dot.
void registerDotTranslation();

} // namespace symc::viz

#endif // SYMC_API_VISUALIZATION_H

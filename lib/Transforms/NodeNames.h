//===- NodeNames.h - the MXNet node an op comes from ------------*- C++ -*-===//

#ifndef SYMC_LIB_TRANSFORMS_NODENAMES_H
#define SYMC_LIB_TRANSFORMS_NODENAMES_H

#include "mlir/IR/Location.h"

#include <string>

namespace symc {

/// The first name in `loc` (the importer's NameLoc of an MXNet node,
/// possibly inside fused or call-site locations), or "" when it has none.
inline std::string nodeNameOf(mlir::Location loc) {
  std::string name;
  loc->walk([&](mlir::Location inner) {
    if (auto named = mlir::dyn_cast<mlir::NameLoc>(inner)) {
      name = named.getName().str();
      return mlir::WalkResult::interrupt();
    }
    return mlir::WalkResult::advance();
  });
  return name;
}

} // namespace symc

#endif // SYMC_LIB_TRANSFORMS_NODENAMES_H

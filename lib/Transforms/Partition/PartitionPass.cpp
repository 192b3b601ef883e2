//===- PartitionPass.cpp - sym-partition ----------------------------------===//

#include "symc/Transforms/Partition.h"
#include "symc/Transforms/Passes.h"

#include "llvm/ADT/StringExtras.h"

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMPARTITION
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {
struct SymPartitionPass
    : public symc::impl::SymPartitionBase<SymPartitionPass> {
  using Base::Base;

  void runOnOperation() override {
    func::FuncOp func = getOperation();
    const symc::partition::SubgraphBackend *found =
        symc::partition::lookupSubgraphBackend(backend);
    if (!found) {
      emitError(func.getLoc())
          << "optimize_for: '" << backend
          << "' is not a registered subgraph backend (registered: "
          << llvm::join(symc::partition::getSubgraphBackendNames(), ", ")
          << ")";
      return signalPassFailure();
    }
    FailureOr<symc::partition::Options> parsed =
        symc::partition::parseOptions(backendOptions, func.getLoc());
    if (failed(parsed) ||
        failed(symc::partition::partition(func, *found, *parsed)))
      return signalPassFailure();
  }
};
} // namespace

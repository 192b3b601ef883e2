//===- Pooling.cpp - pooling with the output row innermost ----------------===//
//
// linalg's pooling ops iterate (n, c, oh, ow, kh, kw): lowered as they are,
// the innermost loop is a 1-3 element window row, which LLVM cannot
// vectorize. With the window loops outside the output row, (n, c, oh, kh,
// kw, ow), the inner loop runs along a row of outputs and reads the input
// at the pooling stride, which LLVM vectorizes (strided, interleaved loads).
//
//===----------------------------------------------------------------------===//

#include "Schedules.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"

using namespace mlir;

namespace symc::cpu {

std::string schedulePooling(ModuleOp module) {
  bool any = false;
  module.walk([&](Operation *op) {
    if (isa<linalg::PoolingNchwMaxOp, linalg::PoolingNchwSumOp>(op) &&
        cast<linalg::LinalgOp>(op).hasPureTensorSemantics())
      any = true;
  });
  if (!any)
    return "";
  return R"(
    %pool = transform.structured.match
        ops{["linalg.pooling_nchw_max", "linalg.pooling_nchw_sum"]} in %root
        : (!transform.any_op) -> !transform.any_op
    %poolg = transform.structured.generalize %pool
        : (!transform.any_op) -> !transform.any_op
    %pooli = transform.structured.interchange %poolg
        iterator_interchange = [0, 1, 2, 4, 5, 3]
        : (!transform.any_op) -> !transform.any_op
)";
}

} // namespace symc::cpu

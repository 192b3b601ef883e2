//===- SymToLinalg.cpp - the convert-sym-to-linalg pass -------------------===//
//
// Checks first that every sym op can be lowered (a modelled op, static
// shapes, known dtypes) and reports all the ops that cannot in one message,
// then applies the pattern families of this folder.
//
//===----------------------------------------------------------------------===//

#include "PopulatePatterns.h"

#include "symc/Conversion/Passes.h"
#include "symc/Dialect/SymDialect.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Transforms/DialectConversion.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;
using namespace symc;

namespace symc {
#define GEN_PASS_DEF_CONVERTSYMTOLINALG
#include "symc/Dialect/ConversionPasses.h.inc"
} // namespace symc

namespace {

bool isStaticKnownTensor(Type type) {
  auto ranked = dyn_cast<RankedTensorType>(type);
  return ranked && ranked.hasStaticShape() &&
         !isa<sym::UnknownType>(ranked.getElementType());
}

/// Reports an op whose types are not static and known.
LogicalResult checkStaticTypes(ModuleOp module) {
  Operation *firstUntyped = nullptr;
  module.walk([&](Operation *op) {
    if (!isa<sym::SymDialect>(op->getDialect()) || firstUntyped)
      return;
    auto types = llvm::concat<const Type>(op->getOperandTypes(),
                                          op->getResultTypes());
    if (!llvm::all_of(types, isStaticKnownTensor))
      firstUntyped = op;
  });
  if (firstUntyped)
    return firstUntyped->emitError()
           << "operator " << sym::getNodeName(firstUntyped)
           << " needs static shapes and known dtypes before lowering (run "
              "sym-infer-shapes and sym-infer-types with the input shapes)";
  return success();
}

/// Reports a Reshape whose sizes differ: MXNet's shape inference does not
/// check them (the check is compiled out of ReshapeShape), the lowering must.
LogicalResult checkReshapeSizes(ModuleOp module) {
  WalkResult result = module.walk([](sym::ReshapeOp op) {
    auto in = cast<RankedTensorType>(op.getData().getType());
    auto out = cast<RankedTensorType>(op.getOutput().getType());
    if (in.getNumElements() == out.getNumElements())
      return WalkResult::advance();
    op->emitError() << "Error in operator " << sym::getNodeName(op)
                    << ": Target shape size is different to source. Target: "
                    << sym::PartialShape(out.getShape()).str(true)
                    << " Source: " << sym::PartialShape(in.getShape()).str(true);
    return WalkResult::interrupt();
  });
  return failure(result.wasInterrupted());
}

} // namespace

LogicalResult symc::checkOperatorsSupported(ModuleOp module) {
  llvm::MapVector<StringRef, SmallVector<std::string>> unsupported;
  module.walk([&](sym::GenericOp op) {
    unsupported[op.getOpName()].push_back(sym::getNodeName(op));
  });
  if (unsupported.empty())
    return success();
  InFlightDiagnostic diag = emitError(module.getLoc())
                            << "the model uses operators that symc cannot "
                               "lower yet: ";
  bool first = true;
  for (auto &[name, nodes] : unsupported) {
    diag << (first ? "" : "; ") << name << " (" << nodes.size()
         << (nodes.size() == 1 ? " node: " : " nodes: ")
         << llvm::join(nodes, ", ") << ")";
    first = false;
  }
  return failure();
}

namespace {

struct ConvertSymToLinalgPass
    : public symc::impl::ConvertSymToLinalgBase<ConvertSymToLinalgPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    if (failed(checkOperatorsSupported(module)) ||
        failed(checkStaticTypes(module)) || failed(checkReshapeSizes(module)))
      return signalPassFailure();
    MLIRContext *ctx = &getContext();
    RewritePatternSet patterns(ctx);
    populateNNPatterns(patterns);
    populateActivationPatterns(patterns);
    populateSoftmaxPatterns(patterns);
    populateMathPatterns(patterns);
    populateElementwisePatterns(patterns);
    populateTensorPatterns(patterns);
    populateReducePatterns(patterns);
    populateNormalizationPatterns(patterns);
    populateIndexingPatterns(patterns);
    populateInitPatterns(patterns);
    populateRNNPatterns(patterns);
    populateDetectionPatterns(patterns);
    populateOrderingPatterns(patterns);

    ConversionTarget target(*ctx);
    target.addIllegalDialect<sym::SymDialect>();
    target.addLegalDialect<linalg::LinalgDialect, tensor::TensorDialect,
                           arith::ArithDialect, math::MathDialect,
                           scf::SCFDialect, func::FuncDialect,
                           // Calls of runtime kernels (buildRuntimeCall).
                           memref::MemRefDialect,
                           bufferization::BufferizationDialect>();
    if (failed(applyPartialConversion(module, target, std::move(patterns))))
      signalPassFailure();
  }
};

} // namespace

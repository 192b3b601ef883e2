//===- SampleSplit.cpp - batches run one sample at a time -----------------===//

#include "symc/Execution/SampleSplit.h"

#include "symc/Dialect/SymDialect.h"
#include "symc/Execution/CompiledModel.h"
#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/PassManager.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;

namespace symc {
namespace {

/// Measured on the 2-core Xeon VM (batch 8 against 8 runs of one sample):
/// SqueezeNet 1.2 does 28 FLOPs per byte of activations and ran 19% (one
/// core) and 12% (two) faster apart; ResNet-18 does 116 and ran as fast
/// (one core) or 7% slower (two); VGG16-reduced does 250.
constexpr double kMaxFlopsPerByteApart = 60;
/// Activations that fit L2 gain nothing from the split, which costs a call
/// per sample (MNIST's and MTCNN's small layers ran 6-17% slower apart).
constexpr int64_t kMinLargestActivationBytes = 2 << 20;

int64_t byteSize(Type type) {
  auto ranked = dyn_cast<RankedTensorType>(type);
  if (!ranked || !ranked.hasStaticShape() || !ranked.getElementType().isIntOrFloat())
    return 0;
  return ranked.getNumElements() * ((ranked.getElementTypeBitWidth() + 7) / 8);
}

int64_t batchOf(Type type) {
  auto ranked = dyn_cast<RankedTensorType>(type);
  if (!ranked || ranked.getRank() == 0 || !ranked.hasStaticShape())
    return 0;
  return ranked.getDimSize(0);
}

/// `axis` of a rank-`rank` tensor is not the batch axis.
bool notBatchAxis(int64_t axis, int64_t rank) { return axis != 0 && axis != -rank; }

/// Whether `op`, which reads the batch through `batched` operands, computes
/// each sample of its results from the same sample of those only. The
/// operands it reads apart from the batch are weights (a convolution's
/// filter, a BatchNorm's statistics) or labels, the same for every sample.
bool keepsSamplesApart(Operation *op, const llvm::DenseSet<Value> &batched) {
  auto rank = [&](Value v) { return cast<RankedTensorType>(v.getType()).getRank(); };
  auto allOperandsBatched = [&] {
    return llvm::all_of(op->getOperands(), [&](Value v) { return batched.contains(v); });
  };
  auto onlyFirstOperandBatched = [&] {
    return llvm::all_of(op->getOperands().drop_front(),
                        [&](Value v) { return !batched.contains(v); });
  };
  // Unary, scalar and same-shape binary ops (relu, _mul_scalar,
  // elemwise_add, ...): any slice of the batch, of all their operands.
  if (op->hasTrait<sym::OpTrait::PerElement>())
    return allOperandsBatched();
  // Layers (Convolution, FullyConnected, PReLU, BatchNorm): a sample of
  // the data with the same weights, unless BatchNorm's channels are the
  // batch axis.
  if (op->hasTrait<sym::OpTrait::WeightsAfterData>()) {
    auto bn = dyn_cast<sym::BatchNormOp>(op);
    return onlyFirstOperandBatched() &&
           (!bn || notBatchAxis(bn.getAxis(), rank(bn->getOperand(0))));
  }
  return llvm::TypeSwitch<Operation *, bool>(op)
      .Case<sym::ActivationOp, sym::PoolingOp, sym::DropoutOp, sym::FlattenOp,
            sym::SoftmaxActivationOp>([&](auto) { return true; })
      .Case([&](sym::SoftmaxOutputOp softmax) {
        // Rank 1 takes its softmax across the batch.
        return onlyFirstOperandBatched() && rank(softmax->getOperand(0)) > 1;
      })
      .Case<sym::SoftmaxOp, sym::LogSoftmaxOp>([&](auto softmax) {
        return onlyFirstOperandBatched() &&
               notBatchAxis(softmax.getAxis(), rank(softmax->getOperand(0)));
      })
      .Case([&](sym::ConcatOp concat) {
        return allOperandsBatched() && notBatchAxis(concat.getDim(), rank(concat->getOperand(0)));
      })
      .Case([&](sym::TransposeOp transpose) {
        return transpose.getPermutation(rank(transpose.getData()))[0] == 0;
      })
      // Row-major, a reshape whose result keeps the batch on axis 0 (which
      // the caller checks) keeps each sample's elements together.
      .Case([&](sym::ReshapeOp) { return true; })
      .Case([&](sym::MultiBoxDetectionOp detection) {
        // Each sample's predictions against the anchors, shared by all.
        return batched.contains(detection.getClsProb()) &&
               batched.contains(detection.getLocPred()) &&
               !batched.contains(detection.getAnchor());
      })
      .Default([](Operation *) { return false; });
}

/// Whether `op`'s results are the same whatever the batch it reads: SSD's
/// anchors depend on the feature map's height and width only.
bool ignoresBatch(Operation *op) { return isa<sym::MultiBoxPriorOp>(op); }

/// The FLOPs of a convolution or FullyConnected (2 per multiply-add), from
/// its result and weight shapes; 0 for other ops.
int64_t flopsOf(Operation *op) {
  if (!isa<sym::ConvolutionOp, sym::FullyConnectedOp>(op))
    return 0;
  auto result = dyn_cast<RankedTensorType>(op->getResult(0).getType());
  auto weight = dyn_cast<RankedTensorType>(op->getOperand(1).getType());
  if (!result || !weight || !result.hasStaticShape() || !weight.hasStaticShape() ||
      weight.getRank() < 2)
    return 0;
  // Per output element, the weight's extents but the first (output channels).
  return 2 * result.getNumElements() * (weight.getNumElements() / weight.getDimSize(0));
}

} // namespace

SampleSplit chooseSampleSplit(ModuleOp module, ArrayRef<std::string> constantArguments,
                              bool onlyMemoryBound) {
  SampleSplit split;
  auto main = module.lookupSymbol<func::FuncOp>("main");
  if (!main || main.getBody().empty())
    return split;
  int64_t batch = 0;
  llvm::DenseSet<Value> batched;
  SmallVector<bool> perSample;
  for (BlockArgument arg : main.getArguments()) {
    // Weights the caller did not name (the C++ API binds all arguments
    // alike) are shared too, and one whose first extent happens to equal
    // the batch is not taken for a batched input.
    bool shared = isOnlyUsedAsWeight(arg) ||
                  llvm::is_contained(constantArguments,
                                     getArgumentName(main, arg.getArgNumber()).str());
    perSample.push_back(!shared);
    if (shared || isOnlyUsedAsLabel(arg))
      continue;
    int64_t n = batchOf(arg.getType());
    if (n <= 1 || (batch && n != batch))
      return split;
    batch = n;
    batched.insert(arg);
  }
  // A training label holds the batch too (SoftmaxOutput's shape check needs
  // it), though inference does not read it; one of unknown shape is
  // inferred again for the sample.
  for (BlockArgument arg : main.getArguments())
    if (isOnlyUsedAsLabel(arg))
      perSample[arg.getArgNumber()] = batchOf(arg.getType()) == batch;
  if (!batch)
    return split;

  int64_t flops = 0, activationBytes = 0, largest = 0;
  for (Operation &op : main.getBody().front().without_terminator()) {
    if (ignoresBatch(&op) ||
        llvm::none_of(op.getOperands(), [&](Value v) { return batched.contains(v); }))
      continue; // the same for every sample: from the weights, or shapes alone
    if (!keepsSamplesApart(&op, batched))
      return split;
    for (Value v : op.getOperands())
      if (batched.contains(v) && batchOf(v.getType()) != batch)
        return split;
    for (Value result : op.getResults()) {
      // Unused (BatchNorm's mean and variance at inference): any shape.
      if (result.use_empty())
        continue;
      if (batchOf(result.getType()) != batch)
        return split;
      batched.insert(result);
      activationBytes += byteSize(result.getType());
      largest = std::max(largest, byteSize(result.getType()));
    }
    flops += flopsOf(&op);
  }
  Operation *terminator = main.getBody().front().getTerminator();
  if (!llvm::all_of(terminator->getOperands(), [&](Value v) { return batched.contains(v); }))
    return split;
  if (onlyMemoryBound && (largest < kMinLargestActivationBytes ||
                          double(flops) >= kMaxFlopsPerByteApart * double(activationBytes)))
    return split;
  split.samples = batch;
  split.perSample = std::move(perSample);
  return split;
}

LogicalResult inferForOneSample(ModuleOp module, const SampleSplit &split) {
  auto main = module.lookupSymbol<func::FuncOp>("main");
  if (!main)
    return failure();
  // The batch's shapes, to check the sample's against.
  SmallVector<Type> batchTypes;
  main.walk([&](Operation *op) {
    llvm::append_range(batchTypes, op->getResultTypes());
  });
  // Back to what import left (unknown), but the arguments.
  Block &body = main.getBody().front();
  for (auto [arg, perSample] : llvm::zip(body.getArguments(), split.perSample)) {
    if (!perSample)
      continue;
    auto type = cast<RankedTensorType>(arg.getType());
    SmallVector<int64_t> shape(type.getShape());
    shape[0] = 1;
    arg.setType(type.clone(shape));
  }
  Type unknown = UnrankedTensorType::get(sym::UnknownType::get(module.getContext()));
  main.walk([&](Operation *op) {
    if (op->getDialect() && isa<sym::SymDialect>(op->getDialect()))
      for (OpResult result : op->getResults())
        result.setType(unknown);
  });
  main.setFunctionType(FunctionType::get(module.getContext(), body.getArgumentTypes(),
                                         body.getTerminator()->getOperandTypes()));
  PassManager pm(module.getContext());
  pm.addNestedPass<func::FuncOp>(createSymInferShapes());
  pm.addNestedPass<func::FuncOp>(createSymInferTypes());
  // A failure is an answer here (the batch is fixed), not an error.
  ScopedDiagnosticHandler silence(module.getContext(), [](Diagnostic &) { return success(); });
  if (failed(pm.run(module)))
    return failure();
  // Every sample's shape is the batch's with a batch of 1 (or unchanged,
  // for what the weights alone compute).
  size_t i = 0;
  bool follows = true;
  main.walk([&](Operation *op) {
    for (Type type : op->getResultTypes()) {
      auto sample = dyn_cast<RankedTensorType>(type);
      auto whole = dyn_cast<RankedTensorType>(batchTypes[i++]);
      if (!sample || !whole || sample.getElementType() != whole.getElementType() ||
          sample.getRank() != whole.getRank()) {
        follows = false;
        continue;
      }
      if (sample == whole)
        continue;
      SmallVector<int64_t> expected(whole.getShape());
      expected[0] = 1;
      follows &= sample.getShape() == ArrayRef<int64_t>(expected);
    }
  });
  main.setFunctionType(FunctionType::get(module.getContext(), body.getArgumentTypes(),
                                         body.getTerminator()->getOperandTypes()));
  return success(follows);
}

void widenToBatch(ModelSignature &signature, int64_t samples, ArrayRef<bool> perSample) {
  if (samples == 1)
    return;
  signature.samples = samples;
  signature.perSample.assign(perSample.begin(), perSample.end());
  for (auto [arg, batched] : llvm::zip_equal(signature.arguments, perSample))
    if (batched)
      arg.shape[0] *= samples;
  for (TensorSignature &result : signature.results)
    result.shape[0] *= samples;
  signature.floatOps *= samples;
}

std::pair<OwningOpRef<ModuleOp>, SampleSplit>
compileForOneSample(ModuleOp module, ArrayRef<std::string> constantArguments, BatchSplit mode) {
  if (mode == BatchSplit::Never)
    return {};
  SampleSplit split =
      chooseSampleSplit(module, constantArguments, mode == BatchSplit::WhenMemoryBound);
  if (split.samples == 1)
    return {};
  OwningOpRef<ModuleOp> oneSample = cast<ModuleOp>(module->clone());
  if (failed(inferForOneSample(*oneSample, split)))
    return {};
  return {std::move(oneSample), std::move(split)};
}

} // namespace symc

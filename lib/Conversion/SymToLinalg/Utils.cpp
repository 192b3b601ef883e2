//===- Utils.cpp - builders shared by the sym-to-linalg patterns ----------===//

#include "Utils.h"

#include "symc/Dialect/SymDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/BuiltinOps.h"

using namespace mlir;

namespace symc {

ElementwiseOperand fullOperand(Value value) {
  auto rank = cast<RankedTensorType>(value.getType()).getRank();
  return {value, llvm::to_vector(llvm::seq<int64_t>(0, rank))};
}

ElementwiseOperand axisOperand(Value value, int64_t axis) {
  return {value, {axis}};
}

ElementwiseOperand broadcastOperand(Value value, RankedTensorType resultType) {
  auto type = cast<RankedTensorType>(value.getType());
  int64_t offset = resultType.getRank() - type.getRank();
  ElementwiseOperand operand{value, {}};
  for (int64_t i = 0; i < type.getRank(); ++i) {
    bool broadcast =
        type.getDimSize(i) == 1 && resultType.getDimSize(i + offset) != 1;
    operand.axes.push_back(broadcast ? ElementwiseOperand::kBroadcastAxis
                                     : i + offset);
  }
  return operand;
}

Value buildEmpty(OpBuilder &b, Location loc, RankedTensorType type) {
  return tensor::EmptyOp::create(b, loc, type.getShape(), type.getElementType());
}

Value buildFloat(OpBuilder &b, Location loc, Type type, double value) {
  return arith::ConstantOp::create(b, loc, b.getFloatAttr(type, value));
}

Value buildFilled(OpBuilder &b, Location loc, RankedTensorType type,
                  double value) {
  Value scalar = buildFloat(b, loc, type.getElementType(), value);
  return linalg::FillOp::create(b, loc, scalar, buildEmpty(b, loc, type))
      .getResult(0);
}

Value buildMappedElementwise(OpBuilder &b, Location loc,
                             RankedTensorType resultType, ValueRange inputs,
                             ArrayRef<AffineMap> inputMaps, BodyBuilder body) {
  int64_t rank = resultType.getRank();
  SmallVector<AffineMap> maps(inputMaps);
  maps.push_back(b.getMultiDimIdentityMap(rank));
  SmallVector<utils::IteratorType> iterators(rank,
                                             utils::IteratorType::parallel);
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{resultType}, inputs,
      ValueRange{buildEmpty(b, loc, resultType)}, maps, iterators,
      [&](OpBuilder &nb, Location nloc, ValueRange args) {
        Value result = body(nb, nloc, args.drop_back());
        linalg::YieldOp::create(nb, nloc, result);
      });
  return generic.getResult(0);
}

Value buildElementwise(OpBuilder &b, Location loc, RankedTensorType resultType,
                       ArrayRef<ElementwiseOperand> operands,
                       BodyBuilder body) {
  int64_t rank = resultType.getRank();
  SmallVector<AffineMap> maps;
  SmallVector<Value> inputs;
  for (const ElementwiseOperand &operand : operands) {
    SmallVector<AffineExpr> exprs;
    for (int64_t axis : operand.axes)
      exprs.push_back(axis == ElementwiseOperand::kBroadcastAxis
                          ? b.getAffineConstantExpr(0)
                          : b.getAffineDimExpr(axis));
    maps.push_back(AffineMap::get(rank, 0, exprs, b.getContext()));
    inputs.push_back(operand.value);
  }
  return buildMappedElementwise(b, loc, resultType, inputs, maps, body);
}

Value buildReshape(OpBuilder &b, Location loc, Value input,
                   ArrayRef<int64_t> shape) {
  auto inType = cast<RankedTensorType>(input.getType());
  if (inType.getShape() == shape)
    return input;
  Type elt = inType.getElementType();
  int64_t size = inType.getNumElements();
  auto flatType = RankedTensorType::get({size}, elt);
  auto allAxes = [&](int64_t rank) {
    ReassociationIndices group = llvm::to_vector(llvm::seq<int64_t>(0, rank));
    return SmallVector<ReassociationIndices>{group};
  };
  // Through 1-D: rank 0 <-> (1,) reshapes use an empty reassociation.
  Value flat = input;
  if (inType.getRank() == 0)
    flat = tensor::ExpandShapeOp::create(b, loc, flatType, input,
                                         SmallVector<ReassociationIndices>{});
  else if (inType.getRank() != 1)
    flat = tensor::CollapseShapeOp::create(b, loc, flatType, input,
                                           allAxes(inType.getRank()));
  if (shape.empty())
    return tensor::CollapseShapeOp::create(b, loc, RankedTensorType::get({}, elt),
                                           flat, SmallVector<ReassociationIndices>{});
  if (shape.size() == 1)
    return flat;
  return tensor::ExpandShapeOp::create(b, loc, RankedTensorType::get(shape, elt),
                                       flat, allAxes(shape.size()));
}

Value buildBroadcast(OpBuilder &b, Location loc, Value input,
                     RankedTensorType type, ArrayRef<int64_t> axes) {
  SmallVector<int64_t> added;
  for (int64_t i = 0; i < type.getRank(); ++i)
    if (!llvm::is_contained(axes, i))
      added.push_back(i);
  return linalg::BroadcastOp::create(b, loc, input, buildEmpty(b, loc, type),
                                     added)
      .getResult()[0];
}

Value buildPad(OpBuilder &b, Location loc, Value input, ArrayRef<int64_t> low,
               ArrayRef<int64_t> high, double padValue) {
  if (llvm::all_of(low, [](int64_t v) { return v == 0; }) &&
      llvm::all_of(high, [](int64_t v) { return v == 0; }))
    return input;
  auto type = cast<RankedTensorType>(input.getType());
  SmallVector<int64_t> shape;
  for (int64_t i = 0; i < type.getRank(); ++i)
    shape.push_back(type.getDimSize(i) + low[i] + high[i]);
  Value pad = buildFloat(b, loc, type.getElementType(), padValue);
  return tensor::PadOp::create(
      b, loc, RankedTensorType::get(shape, type.getElementType()), input,
      getAsIndexOpFoldResult(b.getContext(), low),
      getAsIndexOpFoldResult(b.getContext(), high), pad);
}

Value buildReduction(OpBuilder &b, Location loc, Value input,
                     ArrayRef<int64_t> axes, double init, BodyBuilder combine) {
  auto type = cast<RankedTensorType>(input.getType());
  int64_t rank = type.getRank();
  SmallVector<int64_t> shape;
  SmallVector<AffineExpr> outExprs;
  SmallVector<utils::IteratorType> iterators;
  for (int64_t i = 0; i < rank; ++i) {
    bool reduced = llvm::is_contained(axes, i);
    if (!reduced) {
      shape.push_back(type.getDimSize(i));
      outExprs.push_back(b.getAffineDimExpr(i));
    }
    iterators.push_back(reduced ? utils::IteratorType::reduction
                                : utils::IteratorType::parallel);
  }
  auto resultType = RankedTensorType::get(shape, type.getElementType());
  SmallVector<AffineMap> maps = {
      b.getMultiDimIdentityMap(rank),
      AffineMap::get(rank, 0, outExprs, b.getContext())};
  auto generic = linalg::GenericOp::create(
      b, loc, TypeRange{resultType}, ValueRange{input},
      ValueRange{buildFilled(b, loc, resultType, init)}, maps, iterators,
      [&](OpBuilder &nb, Location nloc, ValueRange args) {
        linalg::YieldOp::create(nb, nloc, combine(nb, nloc, args));
      });
  return generic.getResult(0);
}

FailureOr<RankedTensorType> getStaticType(ConversionPatternRewriter &rewriter,
                                          Operation *op, Value value) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || !type.hasStaticShape())
    return rewriter.notifyMatchFailure(op, "needs a static shape");
  return type;
}


Value passThrough(OpBuilder &, Location, ValueRange args) { return args[0]; }



Value buildMean(OpBuilder &b, Location loc, Value input, ArrayRef<int64_t> axes) {
  auto type = cast<RankedTensorType>(input.getType());
  double count = 1;
  for (int64_t axis : axes)
    count *= type.getDimSize(axis);
  Value sum = buildReduction(b, loc, input, axes, 0.0,
                             [](OpBuilder &nb, Location l, ValueRange args) -> Value {
                               return arith::AddFOp::create(nb, l, args[0], args[1]);
                             });
  return buildElementwise(
      b, loc, cast<RankedTensorType>(sum.getType()), {fullOperand(sum)},
      [&](OpBuilder &nb, Location l, ValueRange args) -> Value {
        return arith::DivFOp::create(nb, l, args[0],
                                     buildFloat(nb, l, args[0].getType(), count));
      });
}


FailureOr<RankedTensorType>
getStaticFloatType(ConversionPatternRewriter &rewriter, Operation *op,
                   Value value) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type || !type.hasStaticShape())
    return rewriter.notifyMatchFailure(op, "needs a static shape");
  if (!isa<FloatType>(type.getElementType()))
    return rewriter.notifyMatchFailure(op, "needs a float dtype");
  return type;
}

Value buildGather(
    OpBuilder &b, Location loc, RankedTensorType resultType, Value source,
    function_ref<SmallVector<Value>(OpBuilder &, Location, ValueRange)>
        sourceIndex) {
  return buildMappedElementwise(
      b, loc, resultType, {}, {}, [&](OpBuilder &nb, Location l, ValueRange) {
        SmallVector<Value> outIndex;
        for (int64_t d = 0; d < resultType.getRank(); ++d)
          outIndex.push_back(linalg::IndexOp::create(nb, l, d));
        return tensor::ExtractOp::create(nb, l, source,
                                         sourceIndex(nb, l, outIndex))
            .getResult();
      });
}

Value buildIndexFromScalar(OpBuilder &b, Location loc, Value x) {
  Value i = x;
  if (isa<FloatType>(x.getType()))
    i = arith::FPToSIOp::create(b, loc, b.getI64Type(), x);
  return arith::IndexCastOp::create(b, loc, b.getIndexType(), i);
}

Value buildClampIndex(OpBuilder &b, Location loc, Value i, int64_t lo,
                      int64_t hi) {
  Value low = arith::ConstantIndexOp::create(b, loc, lo);
  Value high = arith::ConstantIndexOp::create(b, loc, hi);
  return arith::MinSIOp::create(b, loc, arith::MaxSIOp::create(b, loc, i, low),
                                high);
}

void declareFunction(OpBuilder &b, Operation *op, StringRef name,
                     FunctionType type) {
  auto module = op->getParentOfType<ModuleOp>();
  if (module.lookupSymbol(name))
    return;
  OpBuilder::InsertionGuard guard(b);
  b.setInsertionPointToStart(module.getBody());
  func::FuncOp::create(b, op->getLoc(), name, type).setPrivate();
}

SmallVector<Value> buildRuntimeCall(OpBuilder &b, Location loc, Operation *op,
                                    StringRef kernel,
                                    ArrayRef<RankedTensorType> resultTypes,
                                    ValueRange inputs, ValueRange scalars) {
  auto bufferType = [](Type type) {
    auto tensor = cast<RankedTensorType>(type);
    return MemRefType::get(tensor.getShape(), tensor.getElementType());
  };
  // The kernel is declared over dynamic shapes: calls with different static
  // shapes share one declaration (the C interface passes descriptors).
  auto dynamicType = [](MemRefType type) {
    return MemRefType::get(
        SmallVector<int64_t>(type.getRank(), ShapedType::kDynamic),
        type.getElementType());
  };
  SmallVector<Value> buffers, operands;
  for (RankedTensorType type : resultTypes)
    buffers.push_back(memref::AllocOp::create(b, loc, bufferType(type),
                                              b.getI64IntegerAttr(64)));
  for (Value input : inputs)
    buffers.push_back(bufferization::ToBufferOp::create(
        b, loc, bufferType(input.getType()), input, /*read_only=*/true));
  for (Value buffer : buffers)
    operands.push_back(memref::CastOp::create(
        b, loc, dynamicType(cast<MemRefType>(buffer.getType())), buffer));
  llvm::append_range(operands, scalars);

  auto module = op->getParentOfType<ModuleOp>();
  if (!module.lookupSymbol(kernel)) {
    declareFunction(b, op, kernel,
                    b.getFunctionType(ValueRange(operands).getTypes(), {}));
    module.lookupSymbol(kernel)->setAttr(
        LLVM::LLVMDialect::getEmitCWrapperAttrName(), b.getUnitAttr());
  }
  func::CallOp::create(b, loc, kernel, TypeRange{}, operands);
  SmallVector<Value> results;
  for (auto [type, buffer] : llvm::zip(resultTypes, buffers))
    results.push_back(bufferization::ToTensorOp::create(
        b, loc, type, buffer, /*restrict=*/true, /*writable=*/true));
  return results;
}

} // namespace symc

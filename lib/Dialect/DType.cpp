//===- DType.cpp - MXNet's dtype table ------------------------------------===//

#include "symc/Dialect/DType.h"

#include "mlir/IR/BuiltinTypes.h"
#include "llvm/Support/MathExtras.h"

using namespace mlir;

namespace symc {

ArrayRef<DTypeInfo> getDTypeTable() {
  static const DTypeInfo table[] = {
      {0, "float32", "f4", 4}, {1, "float64", "f8", 8},
      {2, "float16", "f2", 2}, {3, "uint8", "u1", 1},
      {4, "int32", "i4", 4},   {5, "int8", "i1", 1},
      {6, "int64", "i8", 8},   {7, "bool", "b1", 1},
      {8, "int16", "i2", 2},   {9, "uint16", "u2", 2},
      {10, "uint32", "u4", 4}, {11, "uint64", "u8", 8},
      {12, "bfloat16", "V2", 2},
  };
  return table;
}

const DTypeInfo *lookupDTypeByFlag(int64_t flag) {
  for (const DTypeInfo &info : getDTypeTable())
    if (info.flag == flag)
      return &info;
  return nullptr;
}

const DTypeInfo *lookupDTypeByName(StringRef name) {
  for (const DTypeInfo &info : getDTypeTable())
    if (info.name == name)
      return &info;
  return nullptr;
}

Type getMLIRType(MLIRContext *ctx, const DTypeInfo &info) {
  switch (info.flag) {
  case 0: return Float32Type::get(ctx);
  case 1: return Float64Type::get(ctx);
  case 2: return Float16Type::get(ctx);
  case 12: return BFloat16Type::get(ctx);
  case 7: return IntegerType::get(ctx, 1);
  default: break;
  }
  bool isUnsigned = info.name.starts_with("u");
  return IntegerType::get(ctx, info.bytes * 8,
                          isUnsigned ? IntegerType::Unsigned
                                     : IntegerType::Signless);
}

std::optional<uint64_t> getByteSize(ArrayRef<int64_t> shape,
                                    const DTypeInfo &info) {
  uint64_t bytes = info.bytes;
  for (int64_t d : shape)
    if (d < 0 || __builtin_mul_overflow(bytes, uint64_t(d), &bytes))
      return std::nullopt;
  return bytes;
}

const DTypeInfo *lookupDTypeByType(Type type) {
  if (!type)
    return nullptr;
  for (const DTypeInfo &info : getDTypeTable())
    if (getMLIRType(type.getContext(), info) == type)
      return &info;
  return nullptr;
}

} // namespace symc

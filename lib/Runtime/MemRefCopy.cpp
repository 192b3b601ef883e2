//===- MemRefCopy.cpp - the strided copy that lowered memref.copy calls ---===//
//
// memref.copy between buffers that are not both contiguous lowers to a call
// of `memrefCopy` (MLIR's C runner utils define it). symc provides its own
// so that compiled models depend on no MLIR library.
//
//===----------------------------------------------------------------------===//

#include "symc/Runtime/Kernels.h"

#include <cstring>
#include <vector>

namespace {
/// The leading fields of a ranked memref descriptor; sizes[rank] and
/// strides[rank] follow `offset`.
struct DescriptorHeader {
  char *allocated;
  char *aligned;
  int64_t offset;
};

const int64_t *sizesOf(const DescriptorHeader *d) {
  return reinterpret_cast<const int64_t *>(d + 1);
}
} // namespace

extern "C" void memrefCopy(int64_t elemSize, SymcUnrankedMemRef *src,
                           SymcUnrankedMemRef *dst) {
  int64_t rank = src->rank;
  auto *s = static_cast<const DescriptorHeader *>(src->descriptor);
  auto *d = static_cast<const DescriptorHeader *>(dst->descriptor);
  const int64_t *sizes = sizesOf(s);
  const int64_t *srcStrides = sizes + rank, *dstStrides = sizesOf(d) + rank;
  for (int64_t i = 0; i < rank; ++i)
    if (sizes[i] == 0)
      return;
  // Walk every index in row-major order, carrying offsets per axis.
  std::vector<int64_t> index(rank, 0);
  int64_t srcOffset = s->offset, dstOffset = d->offset;
  while (true) {
    std::memcpy(d->aligned + dstOffset * elemSize,
                s->aligned + srcOffset * elemSize, elemSize);
    int64_t axis = rank - 1;
    for (; axis >= 0; --axis) {
      ++index[axis];
      srcOffset += srcStrides[axis];
      dstOffset += dstStrides[axis];
      if (index[axis] < sizes[axis])
        break;
      srcOffset -= srcStrides[axis] * sizes[axis];
      dstOffset -= dstStrides[axis] * sizes[axis];
      index[axis] = 0;
    }
    if (axis < 0)
      return;
  }
}

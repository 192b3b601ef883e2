//===- FreeBuffersEarly.cpp - symc-free-buffers-early ---------------------===//
//
// Moves each memref.dealloc of a block's own allocation to just after the
// last op of the block that uses the buffer or one of its views.
//
//===----------------------------------------------------------------------===//

#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMFREEBUFFERSEARLY
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {

/// Whether `user` may make `buffer` reachable other than through `user`'s
/// own use of it: a memref result (a loop's, a select's) that is not a
/// view, a terminator passing it on, the buffer stored as a value, its
/// address taken.
bool mayLetEscape(Operation *user, Value buffer) {
  if (auto store = dyn_cast<memref::StoreOp>(user))
    return store.getValueToStore() == buffer;
  return llvm::any_of(user->getResultTypes(), llvm::IsaPred<BaseMemRefType>) ||
         user->hasTrait<OpTrait::IsTerminator>() ||
         isa<memref::ExtractAlignedPointerAsIndexOp>(user);
}

/// The last op of `block` that uses `buffer` or a view of it (other than
/// `dealloc`), or null when the buffer may be reachable in another way
/// (mayLetEscape).
Operation *lastUserInBlock(Value buffer, Operation *dealloc, Block *block) {
  Operation *last = nullptr;
  SmallVector<Value> worklist = {buffer};
  while (!worklist.empty()) {
    Value value = worklist.pop_back_val();
    for (Operation *user : value.getUsers()) {
      if (user == dealloc)
        continue;
      if (auto view = dyn_cast<ViewLikeOpInterface>(user);
          view && view.getViewSource() == value) {
        worklist.append(user->result_begin(), user->result_end());
      } else if (mayLetEscape(user, value)) {
        return nullptr;
      }
      Operation *ancestor = block->findAncestorOpInBlock(*user);
      if (!ancestor)
        return nullptr;
      if (!last || last->isBeforeInBlock(ancestor))
        last = ancestor;
    }
  }
  return last;
}

struct SymFreeBuffersEarlyPass
    : symc::impl::SymFreeBuffersEarlyBase<SymFreeBuffersEarlyPass> {
  void runOnOperation() override {
    SmallVector<memref::DeallocOp> deallocs;
    getOperation().walk([&](memref::DeallocOp op) { deallocs.push_back(op); });
    for (memref::DeallocOp dealloc : deallocs) {
      Value buffer = dealloc.getMemref();
      auto alloc = buffer.getDefiningOp<memref::AllocOp>();
      Block *block = dealloc->getBlock();
      if (!alloc || alloc->getBlock() != block)
        continue;
      Operation *last = lastUserInBlock(buffer, dealloc, block);
      if (last && last->isBeforeInBlock(dealloc))
        dealloc->moveAfter(last);
    }
  }
};

} // namespace

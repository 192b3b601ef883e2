//===- OutlineSubgraphs.cpp - symc-outline-subgraphs ----------------------===//

#include "symc/Dialect/SymDialect.h"
#include "symc/Transforms/Passes.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/SymbolTable.h"

using namespace mlir;
using namespace symc;

namespace symc {
#define GEN_PASS_DEF_SYMOUTLINESUBGRAPHS
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {
/// The subgraph's function: `<node name>`, made a valid, unique symbol.
std::string functionName(sym::SubgraphOp op) {
  std::string name = "subgraph." + sym::getNodeName(op);
  for (char &c : name)
    if (!isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '.')
      c = '_';
  return name;
}

void outline(sym::SubgraphOp op, SymbolTable &symbols) {
  OpBuilder b(op);
  Block &body = op.getBodyBlock();
  auto yield = op.getYield();
  auto type = b.getFunctionType(body.getArgumentTypes(),
                                yield.getValues().getTypes());
  auto func = func::FuncOp::create(op.getLoc(), functionName(op), type);
  func.setPrivate();
  symbols.insert(func); // into the module, renamed on a clash
  func.getBody().takeBody(op.getBody());
  b.setInsertionPoint(yield);
  func::ReturnOp::create(b, yield.getLoc(), yield.getValues());
  yield.erase();

  b.setInsertionPoint(op);
  auto call = func::CallOp::create(b, op.getLoc(), func, op.getInputs());
  op.replaceAllUsesWith(call.getResults());
  op.erase();
}

struct SymOutlineSubgraphsPass
    : public symc::impl::SymOutlineSubgraphsBase<SymOutlineSubgraphsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    // Innermost first: a nested subgraph is outlined before its parent.
    SmallVector<sym::SubgraphOp> subgraphs;
    module.walk([&](sym::SubgraphOp op) { subgraphs.push_back(op); });
    for (sym::SubgraphOp op : subgraphs)
      outline(op, symbols);
  }
};
} // namespace

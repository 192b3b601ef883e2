//===- PartitionTest.cpp - backends registered from C++ -------------------===//
//
// A backend is a few lines: a selector, a property, a registration. These
// tests register their own and check what the pass does with them,
// including a Filter that would leave a cycle (refused with an error).
//
//===----------------------------------------------------------------------===//

#include "symc/Dialect/SymDialect.h"
#include "symc/Transforms/Partition.h"

#include "mlir/IR/Diagnostics.h"
#include "mlir/Parser/Parser.h"
#include "gtest/gtest.h"

using namespace mlir;
using namespace symc::partition;

namespace {

/// a -> b -> c, all exp.
constexpr const char *kChain = R"mlir(
func.func @main(%x: tensor<4xf32> {sym.name = "x"}) -> tensor<4xf32> {
  %a = sym.exp %x : (tensor<4xf32>) -> tensor<4xf32> loc("a")
  %b = sym.exp %a : (tensor<4xf32>) -> tensor<4xf32> loc("b")
  %c = sym.exp %b : (tensor<4xf32>) -> tensor<4xf32> loc("c")
  return %c : tensor<4xf32>
}
)mlir";

/// Selects every op; its Filter may drop the nodes named in `dropped`.
class AllOps : public SubgraphSelector {
public:
  explicit AllOps(std::vector<std::string> dropped) : dropped(std::move(dropped)) {}
  bool select(const Node &n) override { return true; }
  bool selectInput(const Node &, const Node &) override { return true; }
  bool selectOutput(const Node &, const Node &) override { return true; }
  std::vector<Node *> filter(const std::vector<Node *> &candidates) override {
    std::vector<Node *> kept;
    for (Node *n : candidates)
      if (std::find(dropped.begin(), dropped.end(), n->name()) == dropped.end())
        kept.push_back(n);
    return kept;
  }

private:
  std::vector<std::string> dropped;
};

class FusedProperty : public SubgraphProperty {
public:
  explicit FusedProperty(std::vector<std::string> dropped = {})
      : dropped(std::move(dropped)) {}
  std::unique_ptr<SubgraphSelector> createSelector() const override {
    return std::make_unique<AllOps>(dropped);
  }
  std::optional<SubgraphNodeSpec>
  createSubgraphNode(llvm::ArrayRef<Node *> nodes, unsigned id) const override {
    return SubgraphNodeSpec{"_my_fused", "fused" + std::to_string(id),
                            {{"size", std::to_string(nodes.size())}}};
  }

private:
  std::vector<std::string> dropped;
};

/// Renames the nodes it is given (Kind::Adjust: no subgraph node).
class RenameProperty : public SubgraphProperty {
public:
  Kind kind() const override { return Kind::Adjust; }
  std::unique_ptr<SubgraphSelector> createSelector() const override {
    return std::make_unique<AllOps>(std::vector<std::string>{});
  }
  void adjustSubgraphNodes(llvm::ArrayRef<Node *> nodes, unsigned id) override {
    for (Node *n : nodes)
      n->op->setLoc(NameLoc::get(
          StringAttr::get(n->op->getContext(), n->name() + "_adjusted")));
  }
};

struct Partitioned {
  std::unique_ptr<MLIRContext> ctx;
  OwningOpRef<ModuleOp> module;
  std::string errors;
  bool ok = false;
};

Partitioned run(const SubgraphBackend &backend, const Options &options = {}) {
  Partitioned result;
  result.ctx = std::make_unique<MLIRContext>();
  result.ctx->loadDialect<symc::sym::SymDialect, func::FuncDialect>();
  ScopedDiagnosticHandler handler(result.ctx.get(), [&](Diagnostic &d) {
    result.errors += d.str() + "\n";
    return success();
  });
  result.module = parseSourceString<ModuleOp>(kChain, result.ctx.get());
  auto func = result.module->lookupSymbol<func::FuncOp>("main");
  result.ok = succeeded(partition(func, backend, options));
  return result;
}

std::vector<std::string> subgraphNames(ModuleOp module) {
  std::vector<std::string> names;
  module.walk([&](symc::sym::SubgraphOp op) {
    names.push_back(op.getOpName().str() + ":" + symc::sym::getNodeName(op));
  });
  return names;
}

TEST(Partition, RegisteredBackendIsFoundByName) {
  registerSubgraphBackend(
      {"test_fused", "all ops in one", {[] { return std::make_unique<FusedProperty>(); }}});
  const SubgraphBackend *backend = lookupSubgraphBackend("test_fused");
  ASSERT_NE(backend, nullptr);
  Partitioned p = run(*backend);
  ASSERT_TRUE(p.ok) << p.errors;
  EXPECT_EQ(subgraphNames(*p.module), std::vector<std::string>{"_my_fused:fused0"});
  auto names = getSubgraphBackendNames();
  EXPECT_NE(std::find(names.begin(), names.end(), "test_fused"), names.end());
}

TEST(Partition, FilterThatLeavesACycleIsAnError) {
  // Dropping the middle node leaves {a, c}, which b leaves and re-enters.
  SubgraphBackend backend{"test_cycle", "", {[] {
                            return std::make_unique<FusedProperty>(
                                std::vector<std::string>{"b"});
                          }}};
  Partitioned p = run(backend);
  EXPECT_FALSE(p.ok);
  EXPECT_NE(p.errors.find("optimize_for: backend 'test_cycle' made a partition "
                          "with a cycle between a subgraph and the nodes "
                          "around it"),
            std::string::npos)
      << p.errors;
}

TEST(Partition, FilterDroppingAnEndKeepsTheRest) {
  SubgraphBackend backend{"test_filter", "", {[] {
                            return std::make_unique<FusedProperty>(
                                std::vector<std::string>{"c"});
                          }}};
  Partitioned p = run(backend);
  ASSERT_TRUE(p.ok) << p.errors;
  EXPECT_EQ(subgraphNames(*p.module), std::vector<std::string>{"_my_fused:fused0"});
}

TEST(Partition, PropertiesRunInOrderAndAdjustRewritesInPlace) {
  SubgraphBackend backend{"test_two_steps", "",
                          {[] { return std::make_unique<RenameProperty>(); },
                           [] { return std::make_unique<FusedProperty>(); }}};
  Partitioned p = run(backend);
  ASSERT_TRUE(p.ok) << p.errors;
  std::vector<std::string> inner;
  p.module->walk([&](symc::sym::ExpOp op) {
    inner.push_back(symc::sym::getNodeName(op));
  });
  EXPECT_EQ(inner, (std::vector<std::string>{"a_adjusted", "b_adjusted",
                                             "c_adjusted"}));
  EXPECT_EQ(subgraphNames(*p.module), std::vector<std::string>{"_my_fused:fused0"});
}

TEST(Partition, OptionLists) {
  EXPECT_EQ(parseNameList("['Convolution', 'Activation']"),
            (std::vector<std::string>{"Convolution", "Activation"}));
  EXPECT_EQ(parseNameList("exp|sin"), (std::vector<std::string>{"exp", "sin"}));
  EXPECT_EQ(parseNameList("exp,sin"), (std::vector<std::string>{"exp", "sin"}));
  EXPECT_EQ(parseBoolOption("True"), true);
  EXPECT_EQ(parseBoolOption("0"), false);
  EXPECT_EQ(parseBoolOption("yes"), std::nullopt);
}

} // namespace

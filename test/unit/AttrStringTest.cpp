//===- AttrStringTest.cpp - MXNet attribute strings ----------------------===//

#include "symc/Import/OpSchema.h"

#include "gtest/gtest.h"

using namespace symc;

namespace {

TEST(AttrString, ParsesTuplesAsMXNetDoes) {
  using V = llvm::SmallVector<int64_t>;
  EXPECT_EQ(*parseIntTuple("(3, 3)"), (V{3, 3}));
  EXPECT_EQ(*parseIntTuple("[1,2,3]"), (V{1, 2, 3}));
  EXPECT_EQ(*parseIntTuple("(3,)"), (V{3}));
  EXPECT_EQ(*parseIntTuple("()"), (V{}));
  EXPECT_EQ(*parseIntTuple("7"), (V{7}));
  EXPECT_EQ(*parseIntTuple("(-1, 0, -4)"), (V{-1, 0, -4}));
  EXPECT_EQ(*parseIntTuple("(2L, 3L)"), (V{2, 3}));
  EXPECT_FALSE(parseIntTuple("(3, a)"));
  EXPECT_FALSE(parseIntTuple("(3, 3"));
  EXPECT_FALSE(parseIntTuple(""));
  EXPECT_FALSE(parseIntTuple("(,3)"));
}

TEST(AttrString, ParsesBooleans) {
  EXPECT_EQ(parseBoolString("True"), true);
  EXPECT_EQ(parseBoolString("0"), false);
  EXPECT_EQ(parseBoolString("false"), false);
  EXPECT_FALSE(parseBoolString("yes"));
}

TEST(AttrString, FormatsDoublesShortestFirst) {
  EXPECT_EQ(formatDouble(0.001), "0.001");
  EXPECT_EQ(formatDouble(0.25), "0.25");
  EXPECT_EQ(formatDouble(1e-5), "1e-05");
  EXPECT_EQ(std::stod(formatDouble(0.1 + 0.2)), 0.1 + 0.2);
}

TEST(AttrString, ResolvesAliases) {
  EXPECT_EQ(resolveOpAlias("_Plus"), "elemwise_add");
  EXPECT_EQ(resolveOpAlias("SliceChannel"), "SliceChannel");
  EXPECT_EQ(resolveOpAlias("split"), "SliceChannel");
  EXPECT_EQ(resolveOpAlias("Softmax"), "SoftmaxOutput");
  EXPECT_NE(lookupOpSchema("Convolution"), nullptr);
  EXPECT_EQ(lookupOpSchema("WarpCTC"), nullptr);
}

} // namespace

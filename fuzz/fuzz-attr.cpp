//===- fuzz-attr.cpp - MXNet attribute strings under libFuzzer ------------===//
//
// The first byte picks a parser: the tuple, float tuple and bool parsers,
// the command-line shape parser, or every attribute of one op schema
// (typed attributes and enums through parseAttrString, printed back and
// parsed again). The rest is the string.
//
//===----------------------------------------------------------------------===//

#include "FuzzCommon.h"

#include "symc/Dialect/SymDialect.h"
#include "symc/Import/HostArray.h"
#include "symc/Import/OpSchema.h"

#include "mlir/IR/MLIRContext.h"

#include <memory>

namespace {

mlir::MLIRContext &context() {
  static std::unique_ptr<mlir::MLIRContext> ctx;
  static unsigned uses = 0;
  if (!ctx || ++uses % 4096 == 0) {
    ctx = std::make_unique<mlir::MLIRContext>(mlir::MLIRContext::Threading::DISABLED);
    ctx->loadDialect<symc::sym::SymDialect>();
  }
  return *ctx;
}

/// Ops whose schemas cover every attribute kind, enums included.
constexpr const char *kOps[] = {"Convolution", "Pooling", "Activation", "LeakyReLU",
                                "SoftmaxOutput", "Cast", "RNN", "Reshape",
                                "_contrib_MultiBoxPrior", "topk", "slice",
                                "_contrib_box_nms", "Deconvolution", "BatchNorm"};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  symc::fuzz::ByteStream in(data, size);
  uint8_t choice = in.take<uint8_t>();
  std::string text = in.rest().str();
  switch (choice % 5) {
  case 0:
    (void)symc::parseIntTuple(text, /*allowNone=*/choice & 0x80);
    return 0;
  case 1:
    (void)symc::parseFloatTuple(text);
    return 0;
  case 2:
    (void)symc::parseBoolString(text);
    return 0;
  case 3:
    if (auto shape = symc::parseShapeArgument(text); !shape)
      llvm::consumeError(shape.takeError());
    return 0;
  default:
    break;
  }
  const symc::OpSchema *schema =
      symc::lookupOpSchema(kOps[(choice / 5) % std::size(kOps)]);
  if (!schema)
    return 0;
  // One context for the whole input: context() may replace it.
  mlir::MLIRContext *ctx = &context();
  for (const symc::AttrSpec &spec : schema->attrs) {
    std::optional<mlir::Attribute> attr = symc::parseAttrString(ctx, spec, text);
    if (!attr || !*attr)
      continue;
    std::string printed = symc::printAttrString(spec, *attr);
    // What symc prints, it reads back.
    std::optional<mlir::Attribute> again = symc::parseAttrString(ctx, spec, printed);
    if (!again)
      __builtin_trap();
  }
  return 0;
}

//===- fuzz-params.cpp - both .params readers under libFuzzer -------------===//
//
// The compiler's reader (every record version, npz) and the runtime's
// (what AOT artifacts use for --weights=external) parse the same bytes;
// sizes are checked before allocation, so a small input can never make
// either allocate much. A parsed list is looked up by name as the
// artifacts do.
//
//===----------------------------------------------------------------------===//

#include "FuzzCommon.h"

#include "symc/Import/HostArray.h"
#include "symc/Runtime/Params.h"

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::StringRef bytes = symc::fuzz::asText(data, size);
  // A limit far above any input libFuzzer makes, far below the default.
  constexpr uint64_t kLimit = uint64_t(64) << 20;
  llvm::Expected<std::vector<symc::HostArray>> arrays =
      symc::parseParams(bytes, "fuzz.params", kLimit);
  std::vector<std::string> names;
  if (arrays) {
    for (const symc::HostArray &a : *arrays) {
      (void)a.numElements();
      names.push_back(std::string(symc::splitParamName(a.name).second));
    }
  } else {
    llvm::consumeError(arrays.takeError());
  }

  char error[256];
  symc_params *params = nullptr;
  if (symc_params_parse(data, size, &params, error, sizeof(error)) == SYMC_OK) {
    int64_t shape[2] = {2, 3};
    names.push_back("weight");
    for (const std::string &name : names)
      (void)symc_params_find(params, name.c_str(), SYMC_FLOAT32, 2, shape, error,
                             sizeof(error));
  }
  symc_params_free(params);
  return 0;
}

//===- fuzz-npy.cpp - the .npy reader under libFuzzer ---------------------===//

#include "FuzzCommon.h"

#include "symc/Import/HostArray.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  llvm::Expected<symc::HostArray> array =
      symc::parseNpy(symc::fuzz::asText(data, size), "fuzz.npy");
  if (array) {
    // What was parsed is consistent: the data holds every element.
    if ((uint64_t)array->numElements() * array->dtype->bytes != array->data.size())
      __builtin_trap();
  } else {
    llvm::consumeError(array.takeError());
  }
  return 0;
}

//===- CudaRuntimeTest.cpp - the mgpu* runtime without a driver -----------===//
//
// Where no driver loads (here: $SYMC_CUDA_DRIVER names a missing file,
// read once per process), the runtime must refuse runs with a message,
// and whatever compiled host code calls in between must not crash.
//
//===----------------------------------------------------------------------===//

#include "symc/Runtime/CudaRuntime.h"

#include "gtest/gtest.h"

#include <cstdlib>
#include <cstring>
#include <string>

namespace {

class CudaRuntimeWithoutDriver : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    setenv("SYMC_CUDA_DRIVER", "/nonexistent/libcuda.so.1", /*overwrite=*/1);
  }
};

TEST_F(CudaRuntimeWithoutDriver, RunsAreRefusedWithTheReason) {
  const char *error = symcGpuBeginRun();
  ASSERT_NE(error, nullptr);
  EXPECT_NE(std::string(error).find("no CUDA driver: cannot load /nonexistent/libcuda.so.1"),
            std::string::npos)
      << error;
  EXPECT_EQ(symcGpuDeviceName(), nullptr);
}

TEST_F(CudaRuntimeWithoutDriver, HostCodeOfAFailedRunDoesNotCrash) {
  symcGpuBeginRun();
  // Allocations fall back to zeroed host memory that mgpuMemFree takes back.
  for (bool managed : {false, true}) {
    auto *buffer = static_cast<unsigned char *>(mgpuMemAlloc(64, nullptr, managed));
    ASSERT_NE(buffer, nullptr);
    EXPECT_EQ(buffer[63], 0);
    std::memset(buffer, 1, 64);
    mgpuMemFree(buffer, nullptr);
  }
  // Constants stay where they are; launches and syncs do nothing.
  static const float weights[4] = {1, 2, 3, 4};
  EXPECT_EQ(symcGpuConstant(weights, sizeof weights), weights);
  symcGpuReleaseConstant(weights);
  EXPECT_EQ(mgpuModuleLoadJIT(const_cast<char *>(".version 8.0"), 3), nullptr);
  EXPECT_EQ(mgpuModuleGetFunction(nullptr, "kernel"), nullptr);
  mgpuLaunchKernel(nullptr, 1, 1, 1, 1, 1, 1, 0, nullptr, nullptr, nullptr, 0);
  void *stream = mgpuStreamCreate();
  mgpuStreamSynchronize(stream);
  mgpuStreamDestroy(stream);
  const char *error = symcGpuEndRun();
  ASSERT_NE(error, nullptr);
  EXPECT_NE(std::string(error).find("no CUDA driver"), std::string::npos) << error;
}

} // namespace

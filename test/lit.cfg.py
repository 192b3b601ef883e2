# lit configuration of symc's tests: IR tests (.mlir), import tests (.json),
# tool and golden-data tests (.test), and the GoogleTest unit tests.
import os

import lit.formats
from lit.llvm import llvm_config
from lit.llvm.subst import ToolSubst

config.name = "symc"
config.test_format = lit.formats.ShTest(not llvm_config.use_lit_shell)
config.suffixes = [".mlir", ".json", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py",
                   "golden-data", "unit"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.symc_obj_root, "test")

llvm_config.with_system_environment(["HOME", "TMPDIR"])
llvm_config.use_default_substitutions()

tool_dirs = [config.symc_tools_dir, config.llvm_tools_dir]
tools = ["count", "sym-opt", "sym-translate", "sym-run", "sym-compile", "SymUnitTests", "SymAPITests",
         "mlp-api-example",
         "FileCheck", "not", "clang"]
llvm_config.add_tool_substitutions(tools, tool_dirs)
config.substitutions.append(("%python", config.python_executable))
config.substitutions.append(("%golden", os.path.join(config.symc_src_root, "test", "golden")))
config.substitutions.append(("%models", config.shared_models_dir))
config.substitutions.append(("%examples", os.path.join(config.symc_src_root, "examples")))
config.substitutions.append(("%srcroot", config.symc_src_root))
config.substitutions.append(("%aot", os.path.join(config.symc_src_root, "test", "aot")))

# The C examples of compiled models build with the system C compiler.
import shutil
if shutil.which("gcc"):
    config.available_features.add("gcc")
# Sanitizer builds: every report is fatal, leaks included. LLVM's headers
# poison the BumpPtrAllocator memory they hand out when compiled with ASan,
# which the uninstrumented libMLIR does not unpoison: manual poisoning is
# turned off (it only serves that allocator).
if config.symc_sanitize:
    config.available_features.add("sanitizers")
    config.environment["ASAN_OPTIONS"] = "allow_user_poisoning=0:detect_leaks=1"
    config.environment["UBSAN_OPTIONS"] = "print_stacktrace=1:halt_on_error=1"

# Sanitizer builds with -DSYMC_BUILD_FUZZERS=ON have the fuzz targets.
fuzzers = ["fuzz-json-import", "fuzz-params", "fuzz-npy", "fuzz-attr", "fuzz-c-api"]
if all(os.path.exists(os.path.join(config.symc_tools_dir, f)) for f in fuzzers):
    config.available_features.add("fuzzers")
    llvm_config.add_tool_substitutions(fuzzers, [config.symc_tools_dir])

# Graphviz renders the DOT of sym-translate --mxnet-json-to-dot.
if shutil.which("dot"):
    config.available_features.add("graphviz")

# The CUDA target needs the toolkit's libdevice to build kernels, and its
# ptxas to check their PTX; without them those tests are UNSUPPORTED.
cuda_toolkit = os.environ.get("CUDA_HOME") or "/usr/local/cuda"
if os.path.isfile(os.path.join(cuda_toolkit, "nvvm", "libdevice", "libdevice.10.bc")):
    config.available_features.add("cuda-toolkit")
    config.substitutions.append(("%cuda_toolkit", cuda_toolkit))
    ptxas = os.path.join(cuda_toolkit, "bin", "ptxas")
    if os.access(ptxas, os.X_OK):
        config.available_features.add("ptxas")
        config.substitutions.append(("%ptxas", ptxas))

# Real-model tests need ../shared/models; without it they are UNSUPPORTED.
if os.path.isdir(config.shared_models_dir):
    config.available_features.add("shared-models")

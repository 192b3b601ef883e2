//===- NDArray.h - host tensors for the mx.sym API ----------------*- C++ -*-===//
//
// A small counterpart of mx.nd.NDArray for feeding and reading symbols: a
// shape, a numpy dtype name and a dense C-ordered buffer that the array
// owns or borrows from the caller. Copies share the buffer, as NDArray
// handles do in MXNet; copy() makes an independent one.
//
//===----------------------------------------------------------------------===//

#ifndef SYMC_API_NDARRAY_H
#define SYMC_API_NDARRAY_H

#include "symc/API/Symbol.h"

namespace symc {

class NDArray {
public:
  /// An empty (none) array.
  NDArray() = default;
  /// float32 zeros of `shape`.
  explicit NDArray(Shape shape) : NDArray(zeros(std::move(shape))) {}
  /// Zeros of `shape` and `dtype` (a numpy name: float32, int64, ...).
  static NDArray zeros(Shape shape, const std::string &dtype = "float32");
  /// A float32 array holding `values` (their count must match `shape`).
  NDArray(const std::vector<float> &values, Shape shape);
  /// Views caller-owned memory, which must outlive every use.
  static NDArray borrow(void *data, Shape shape,
                        const std::string &dtype = "float32");

  bool empty() const { return !storage && !external; }
  const Shape &shape() const { return dims; }
  const std::string &dtype() const { return dtypeName; }
  /// Number of elements (0 for an empty array).
  int64_t size() const;
  size_t nbytes() const;
  bool isBorrowed() const { return external != nullptr; }

  void *data();
  const void *data() const;
  template <typename T>
  T *data_as() { return static_cast<T *>(data()); }
  template <typename T>
  const T *data_as() const { return static_cast<const T *>(data()); }
  /// The values converted to float (asnumpy().astype(float32).ravel()).
  std::vector<float> asFloatVector() const;
  /// An independent copy that owns its buffer.
  NDArray copy() const;
  /// Writes the values into `dst` (same shape), converted to its dtype as
  /// astype(dst.dtype).copyto(dst) does.
  void copyTo(NDArray &dst) const;

  static NDArray load_npy(const std::string &path);
  void save_npy(const std::string &path) const;

private:
  Shape dims;
  std::string dtypeName = "float32";
  std::shared_ptr<std::vector<char>> storage;
  void *external = nullptr;
};

/// mx.nd.load of a .params file (or MXNet 2.0's npz): names keep their
/// `arg:` / `aux:` prefixes.
std::map<std::string, NDArray> load_params(const std::string &path);
/// mx.nd.save of named arrays, in MXNet's NDArray list format.
void save_params(const std::string &path,
                 const std::map<std::string, NDArray> &arrays);

/// mx.model.load_checkpoint(prefix, epoch): `<prefix>-symbol.json` and
/// `<prefix>-<epoch as %04d>.params`, its arrays split by their `arg:` /
/// `aux:` prefixes.
struct Checkpoint {
  Symbol symbol;
  std::map<std::string, NDArray> arg_params, aux_params;
};
Checkpoint load_checkpoint(const std::string &prefix, int epoch);

} // namespace symc

#endif // SYMC_API_NDARRAY_H

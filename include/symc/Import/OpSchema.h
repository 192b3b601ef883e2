//===- OpSchema.h - what symc knows of each MXNet operator --------*- C++ -*-===//
//
// The one table of MXNet op facts that JSON import and export need beyond
// ODS: the alias table, each op's input names (FListInputNames, which
// depend on attributes such as no_bias), its auxiliary (mutable) inputs,
// its output count, and how each attribute string maps to a typed
// attribute.
//
//===----------------------------------------------------------------------===//

#ifndef SYMC_IMPORT_OPSCHEMA_H
#define SYMC_IMPORT_OPSCHEMA_H

#include "mlir/IR/Attributes.h"
#include "mlir/IR/MLIRContext.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include <limits>
#include <optional>
#include <string>

namespace symc {

/// How an MXNet attribute string is parsed into a typed attribute.
enum class AttrKind {
  Int,    // "3"                   -> i64
  Float,  // "1e-3"                -> f64
  Bool,   // "True" / "0"          -> bool
  Tuple,  // "(3, 3)", "[3]", "3"  -> array<i64>
  OptionalTuple, // "(1, None)"      -> array<i64>, None as kNoneEntry
  FloatTuple, // "(0.1, 0.2)"        -> array<f64>
  DType,  // "float32"             -> TypeAttr
  String, // verbatim              -> string
  Enum,   // "relu"                -> #sym.<enum><relu>
};

struct AttrSpec {
  llvm::StringLiteral name;
  AttrKind kind;
  /// For enums: builds the enum attribute from its name (null if invalid)
  /// and prints it back.
  mlir::Attribute (*parseEnum)(mlir::MLIRContext *, llvm::StringRef) = nullptr;
  std::string (*printEnum)(mlir::Attribute) = nullptr;
};

/// The MXNet attribute strings of one node.
using AttrStrings = llvm::StringMap<std::string>;

struct OpSchema {
  llvm::StringLiteral name;   // MXNet's canonical op name = sym op mnemonic
  llvm::ArrayRef<AttrSpec> attrs;
  /// Input names for these attributes (MXNet's FListInputNames).
  llvm::SmallVector<std::string> (*inputNames)(const AttrStrings &);
  /// Number of outputs, hidden ones included (MXNet's FNumOutputs).
  unsigned (*numOutputs)(const AttrStrings &);
  /// Input indices that are auxiliary states (MXNet's FMutateInputs).
  llvm::ArrayRef<unsigned> auxInputs;
  /// MXNet's FListOutputNames, where the op has one; otherwise outputs are
  /// named `output` (one) or `output<i>` (several).
  llvm::ArrayRef<llvm::StringLiteral> outputNames = {};
  /// How many outputs a symbol of this op exposes (MXNet's
  /// FNumVisibleOutputs); null when all of them.
  unsigned (*numVisibleOutputs)(const AttrStrings &) = nullptr;
};

/// The outputs a symbol of `schema` exposes for these attributes.
unsigned getNumVisibleOutputs(const OpSchema &schema, const AttrStrings &attrs);

/// The attribute keys MXNet keeps as `__key__` (kHiddenKeys of
/// c_api_symbolic.cc): ctx_group, lr_mult, wd_mult, force_mirroring,
/// mirror_stage.
llvm::ArrayRef<llvm::StringLiteral> getHiddenAttrKeys();

/// The name MXNet's list_outputs gives output `index` of node `node`.
std::string getOutputName(const OpSchema *schema, llvm::StringRef node,
                          unsigned numOutputs, unsigned index);

/// The canonical name of an MXNet op name or alias (`_Plus` ->
/// `elemwise_add`); the name itself when it has no alias.
llvm::StringRef resolveOpAlias(llvm::StringRef name);
/// Every (alias, canonical name) pair symc knows, in MXNet's spelling.
llvm::ArrayRef<std::pair<llvm::StringLiteral, llvm::StringLiteral>>
getOpAliases();
/// The schema of a canonical op name, or null if symc does not model it.
const OpSchema *lookupOpSchema(llvm::StringRef canonicalName);

/// Parses an attribute string of `kind`; nullopt when MXNet would reject it
/// and an empty Attribute for "None" (the optional value is absent).
std::optional<mlir::Attribute> parseAttrString(mlir::MLIRContext *ctx,
                                               const AttrSpec &spec,
                                               llvm::StringRef text);
/// The MXNet attribute string of a typed attribute.
std::string printAttrString(const AttrSpec &spec, mlir::Attribute attr);

/// The entry that stands for None in an OptionalTuple attribute.
inline constexpr int64_t kNoneEntry = std::numeric_limits<int64_t>::min();

/// MXNet's Tuple<int64> parser: "(1, 2)", "[1,2]", "(3,)", "()", "3"; with
/// `allowNone`, Tuple<optional<int>> entries "None" become kNoneEntry.
std::optional<llvm::SmallVector<int64_t>> parseIntTuple(llvm::StringRef text,
                                                        bool allowNone = false);
/// MXNet's Tuple<float> parser: "(0.5, 2)", "[1]", "0.5".
std::optional<llvm::SmallVector<double>> parseFloatTuple(llvm::StringRef text);
/// "True"/"False"/"1"/"0" (and lower-case forms).
std::optional<bool> parseBoolString(llvm::StringRef text);
/// The shortest decimal form that reads back as the same double.
std::string formatDouble(double value);

} // namespace symc

#endif

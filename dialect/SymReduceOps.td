//===- SymReduceOps.td - reductions and contractions -------*- tablegen -*-===//
//
// sum / mean / prod / max / min / nansum / nanprod over axes, dot,
// batch_dot, LayerNorm and Embedding.
//
//===----------------------------------------------------------------------===//

#ifndef SYM_REDUCE_OPS
#define SYM_REDUCE_OPS

include "SymBase.td"

class Sym_ReduceOp<string mnemonic, string what> : Sym_Op<mnemonic> {
  let summary = what # " over `axis` (all axes when empty)";
  let description = [{
    `keepdims` keeps reduced axes as 1; `exclude` reduces every axis but
    those listed. Reducing every axis without keepdims gives shape (1,), as
    MXNet 1.x does. Source: src/operator/tensor/broadcast_reduce_op_value.cc
    (ReduceAxesShape).
  }];
  let arguments = (ins Sym_Tensor:$data, Sym_OptTuple:$axis,
      Sym_DefaultBool<"false">:$keepdims, Sym_DefaultBool<"false">:$exclude);
  let results = (outs Sym_Tensor:$output);
  let extraClassDeclaration = [{
    /// The reduced axes of a rank-`rank` input (normalized, sorted), or
    /// nullopt when an axis is out of range.
    std::optional<::llvm::SmallVector<int64_t>> getReducedAxes(int64_t rank);
  }];
}

def Sym_SumOp : Sym_ReduceOp<"sum", "sum">;
def Sym_MeanOp : Sym_ReduceOp<"mean", "mean">;
def Sym_ProdOp : Sym_ReduceOp<"prod", "product">;
def Sym_MaxOp : Sym_ReduceOp<"max", "maximum">;
def Sym_MinOp : Sym_ReduceOp<"min", "minimum">;
def Sym_NansumOp : Sym_ReduceOp<"nansum", "sum, NaN counted as 0,">;
def Sym_NanprodOp : Sym_ReduceOp<"nanprod", "product, NaN counted as 1,">;

def Sym_NormOp : Sym_Op<"norm"> {
  let summary = "L2 (ord=2) or L1 (ord=1) norm over `axis` (all if empty)";
  let description = [{ Source: src/operator/tensor/broadcast_reduce_norm_value.cc. }];
  let arguments = (ins Sym_Tensor:$data, Sym_DefaultI64<"2">:$ord,
      Sym_OptTuple:$axis, Sym_DefaultBool<"false">:$keepdims,
      OptionalAttr<StrAttr>:$out_dtype);
  let results = (outs Sym_Tensor:$output);
  let extraClassDeclaration = [{
    bool getExclude() { return false; }
    std::optional<::llvm::SmallVector<int64_t>> getReducedAxes(int64_t rank);
  }];
}

class Sym_ArgReduceOp<string mnemonic, string what> : Sym_Op<mnemonic> {
  let summary = "index of the " # what # " along `axis` (of all if none)";
  let description = [{
    Returns float indices in the data's dtype, as MXNet; ties give the
    first index. Source: src/operator/tensor/broadcast_reduce_op_index.cc.
  }];
  let arguments = (ins Sym_Tensor:$data, OptionalAttr<Sym_I64Attr>:$axis,
      Sym_DefaultBool<"false">:$keepdims);
  let results = (outs Sym_Tensor:$output);
}

def Sym_ArgmaxOp : Sym_ArgReduceOp<"argmax", "maximum">;

def Sym_ArgmaxChannelOp : Sym_Op<"argmax_channel"> {
  let summary = "index of the maximum along axis 1 (the channels)";
  let description = [{ Source: src/operator/tensor/broadcast_reduce_op_index.cc. }];
  let arguments = (ins Sym_Tensor:$data);
  let results = (outs Sym_Tensor:$output);
  let extraClassDeclaration = [{
    std::optional<int64_t> getAxis() { return 1; }
    bool getKeepdims() { return false; }
  }];
}

def Sym_GroupNormOp : Sym_Op<"GroupNorm"> {
  let summary = "normalize each group of channels over (C/G, spatial)";
  let description = [{
    gamma and beta are per group (num_groups,), as in MXNet 1.9. Outputs
    (output, mean, std); only
    `output` is visible. Source: src/operator/nn/group_norm.cc.
  }];
  let arguments = (ins Sym_Tensor:$data, Sym_Tensor:$gamma, Sym_Tensor:$beta,
      Sym_DefaultI64<"1">:$num_groups, Sym_DefaultF64<"1e-5">:$eps,
      Sym_DefaultBool<"false">:$output_mean_var);
  let results = (outs Sym_Tensor:$output, Sym_Tensor:$mean, Sym_Tensor:$std);
}

def Sym_LRNOp : Sym_Op<"LRN"> {
  let summary = "local response normalization across channels";
  let description = [{
    x / (knorm + alpha / nsize * sum of x^2 over the nsize channels around)
    ^ beta. Outputs (output, tmp_norm); only `output` is visible.
    Source: src/operator/nn/lrn.cc.
  }];
  let arguments = (ins Sym_Tensor:$data, Sym_DefaultF64<"1e-4">:$alpha,
      Sym_DefaultF64<"0.75">:$beta, Sym_DefaultF64<"2.0">:$knorm,
      Sym_I64Attr:$nsize);
  let results = (outs Sym_Tensor:$output, Sym_Tensor:$tmp_norm);
}
def Sym_ArgminOp : Sym_ArgReduceOp<"argmin", "minimum">;

def Sym_InstanceNormOp : Sym_Op<"InstanceNorm"> {
  let summary = "normalize each (sample, channel) over the spatial axes";
  let description = [{ Source: src/operator/instance_norm.cc. }];
  let arguments = (ins Sym_Tensor:$data, Sym_Tensor:$gamma, Sym_Tensor:$beta,
      Sym_DefaultF64<"0.001">:$eps);
  let results = (outs Sym_Tensor:$output);
}

def Sym_L2NormalizationOp : Sym_Op<"L2Normalization"> {
  let summary = "x / sqrt(sum(x^2) + eps) per instance, channel or position";
  let description = [{
    Outputs (output, norm); only `output` is visible.
    Source: src/operator/l2_normalization.cc.
  }];
  let arguments = (ins Sym_Tensor:$data, Sym_DefaultF64<"1e-10">:$eps,
      DefaultValuedAttr<StrAttr, "\"instance\"">:$mode);
  let results = (outs Sym_Tensor:$output, Sym_Tensor:$norm);
}

def Sym_DotOp : Sym_Op<"dot"> {
  let summary = "tensor dot: the last axis of lhs with the first of rhs";
  let description = [{
    (..., K) x (K, ...) -> (..., ...). `transpose_a` / `transpose_b` reverse
    the axes of an operand first. Source: src/operator/tensor/dot.cc.
  }];
  let arguments = (ins Sym_Tensor:$lhs, Sym_Tensor:$rhs,
      Sym_DefaultBool<"false">:$transpose_a, Sym_DefaultBool<"false">:$transpose_b);
  let results = (outs Sym_Tensor:$output);
}

def Sym_BatchDotOp : Sym_Op<"batch_dot"> {
  let summary = "batched matrix product (B, M, K) x (B, K, N)";
  let description = [{ Source: src/operator/tensor/dot.cc (BatchDotShape). }];
  let arguments = (ins Sym_Tensor:$lhs, Sym_Tensor:$rhs,
      Sym_DefaultBool<"false">:$transpose_a, Sym_DefaultBool<"false">:$transpose_b);
  let results = (outs Sym_Tensor:$output);
}

def Sym_LayerNormOp : Sym_Op<"LayerNorm"> {
  let summary = "layer normalization along `axis`";
  let description = [{
    Outputs (output, mean, std); only `output` is visible unless
    output_mean_var. Source: src/operator/nn/layer_norm.cc.
  }];
  let arguments = (ins Sym_Tensor:$data, Sym_Tensor:$gamma, Sym_Tensor:$beta,
      Sym_DefaultI64<"-1">:$axis, Sym_DefaultF64<"1e-5">:$eps,
      Sym_DefaultBool<"false">:$output_mean_var);
  let results = (outs Sym_Tensor:$output, Sym_Tensor:$mean, Sym_Tensor:$std);
}

def Sym_EmbeddingOp : Sym_Op<"Embedding", [DeclareOpInterfaceMethods<
    Sym_InferInterface, ["inferShapes", "inferTypes"]>]> {
  let summary = "rows of `weight` picked by the indices in `data`";
  let description = [{
    Indices are clipped to [0, input_dim - 1], as MXNet does. The output is
    data.shape + (output_dim,), in the weight's dtype.
    Source: src/operator/tensor/indexing_op.cc (EmbeddingOpShape).
  }];
  let arguments = (ins Sym_Tensor:$data, Sym_Tensor:$weight,
      Sym_I64Attr:$input_dim, Sym_I64Attr:$output_dim,
      OptionalAttr<TypeAttr>:$dtype, Sym_DefaultBool<"false">:$sparse_grad);
  let results = (outs Sym_Tensor:$output);
}

//===----------------------------------------------------------------------===//
// Ordering: topk, sort, argsort (src/operator/tensor/ordering_op-inl.h)
//===----------------------------------------------------------------------===//

// `axis` absent with mxnet.attrs axis = "None" means the flattened input.
class Sym_OrderingOp<string mnemonic> : Sym_Op<mnemonic, [DeclareOpInterfaceMethods<
    Sym_InferInterface, ["inferShapes", "inferTypes"]>]> {
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The sorted axis, or nullopt for the flattened input (axis=None).
    std::optional<int64_t> getSortAxis();
  }];
}

def Sym_TopKOp : Sym_OrderingOp<"topk"> {
  let summary = "the k largest (or smallest) entries along an axis";
  let description = [{
    ret_typ value / indices / mask / both; k <= 0 means all. Indices are
    positions along the axis in `dtype` (float32 by default). Ties keep
    their input order (MXNet's libstdc++ sort does so up to 16 entries).
  }];
  let arguments = (ins Sym_Tensor:$data, OptionalAttr<Sym_I64Attr>:$axis,
      Sym_DefaultI64<"1">:$k,
      DefaultValuedAttr<StrAttr, "\"indices\"">:$ret_typ,
      Sym_DefaultBool<"false">:$is_ascend, OptionalAttr<TypeAttr>:$dtype);
  let results = (outs Variadic<Sym_Tensor>:$outputs);
}

def Sym_SortOp : Sym_OrderingOp<"sort"> {
  let summary = "entries sorted along an axis (hidden second result: int32 indices)";
  let arguments = (ins Sym_Tensor:$data, OptionalAttr<Sym_I64Attr>:$axis,
      Sym_DefaultBool<"true">:$is_ascend);
  let results = (outs Sym_Tensor:$output, Sym_Tensor:$indices);
}

def Sym_ArgSortOp : Sym_OrderingOp<"argsort"> {
  let summary = "positions that sort the entries along an axis, in `dtype`";
  let arguments = (ins Sym_Tensor:$data, OptionalAttr<Sym_I64Attr>:$axis,
      Sym_DefaultBool<"true">:$is_ascend, OptionalAttr<TypeAttr>:$dtype);
  let results = (outs Sym_Tensor:$output);
}

def Sym_HistogramOp : Sym_Op<"_histogram", [DeclareOpInterfaceMethods<
    Sym_InferInterface, ["inferShapes", "inferTypes"]>]> {
  let summary = "how many values fall in each bin, and the bin edges";
  let description = [{
    Either `bin_cnt` uniform bins over `range` (both given), or the bin
    edges as a second input. Results: the counts (int64, one per bin) and
    the edges (the data's dtype). A value belongs to [e_i, e_i+1), the last
    bin also takes its right edge; values outside the edges (and NaN) are
    not counted. Source: src/operator/tensor/histogram.cc.
  }];
  let arguments = (ins Sym_Tensor:$data, Optional<Sym_Tensor>:$bins,
      OptionalAttr<Sym_I64Attr>:$bin_cnt, OptionalAttr<DenseF64ArrayAttr>:$range);
  let results = (outs Sym_Tensor:$histogram, Sym_Tensor:$bin_edges);
  let hasVerifier = 1;
}

#endif // SYM_REDUCE_OPS

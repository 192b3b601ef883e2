//===- SymTensorOps.td - shape manipulation ops -----------*- tablegen -*-===//
//
// Flatten, Reshape, transpose, Concat, SliceChannel and Cast.
//
//===----------------------------------------------------------------------===//

#ifndef SYM_TENSOR_OPS
#define SYM_TENSOR_OPS

include "SymBase.td"

def Sym_FlattenOp : Sym_Op<"Flatten"> {
  let summary = "(N, ...) -> (N, prod(...))";
  let description = [{ Source: src/operator/tensor/matrix_op.cc (FlattenShape). }];
  let arguments = (ins Sym_Tensor:$data);
  let results = (outs Sym_Tensor:$output);
}

def Sym_ReshapeOp : Sym_Op<"Reshape"> {
  let summary = "reshape with MXNet's special codes 0, -1, -2, -3, -4";
  let description = [{
    0 copies a dimension, -1 infers one, -2 copies the rest, -3 merges two,
    -4 splits one into the next two values; `reverse` applies the codes from
    the right. Shape inference also runs backward (ReverseReshapeInferShape).
    The deprecated `target_shape` / `keep_highest` are honoured when `shape`
    is empty. Source: src/operator/tensor/matrix_op-inl.h.
  }];
  let arguments = (ins Sym_Tensor:$data, Sym_OptTuple:$shape,
      Sym_DefaultBool<"false">:$reverse, Sym_OptTuple:$target_shape,
      Sym_DefaultBool<"false">:$keep_highest);
  let results = (outs Sym_Tensor:$output);
}

def Sym_TransposeOp : Sym_Op<"transpose"> {
  let summary = "permute axes; empty axes reverses them";
  let description = [{ Source: src/operator/tensor/matrix_op.cc (TransposeShape). }];
  let arguments = (ins Sym_Tensor:$data, Sym_OptTuple:$axes);
  let results = (outs Sym_Tensor:$output);
  let extraClassDeclaration = [{
    /// The permutation for an input of `rank` axes (reversal when empty).
    ::llvm::SmallVector<int64_t> getPermutation(int64_t rank);
  }];
}

def Sym_ConcatOp : Sym_Op<"Concat"> {
  let summary = "concatenate along `dim`";
  let description = [{ Source: src/operator/nn/concat.cc (ConcatShape). }];
  let arguments = (ins Variadic<Sym_Tensor>:$data, Sym_I64Attr:$num_args,
      Sym_DefaultI64<"1">:$dim);
  let results = (outs Sym_Tensor:$output);
  let hasVerifier = 1;
}

def Sym_SliceChannelOp : Sym_Op<"SliceChannel"> {
  let summary = "split into num_outputs equal parts (alias split)";
  let description = [{ Source: src/operator/slice_channel.cc. }];
  let arguments = (ins Sym_Tensor:$data, Sym_I64Attr:$num_outputs,
      Sym_DefaultI64<"1">:$axis, Sym_DefaultBool<"false">:$squeeze_axis);
  let results = (outs Variadic<Sym_Tensor>:$outputs);
  let hasVerifier = 1;
}

class Sym_CastLikeOp<string mnemonic, string what> : Sym_Op<mnemonic,
    [DeclareOpInterfaceMethods<Sym_InferInterface, ["inferShapes", "inferTypes"]>]> {
  let summary = what;
  let description = [{ Source: src/operator/tensor/elemwise_unary_op_basic.cc, amp_cast.cc. }];
  let arguments = (ins Sym_Tensor:$data, TypeAttr:$dtype);
  let results = (outs Sym_Tensor:$output);
}
def Sym_CastOp : Sym_CastLikeOp<"Cast", "convert to `dtype` (alias cast)">;
def Sym_AmpCastOp : Sym_CastLikeOp<"amp_cast",
    "convert to `dtype` (mixed precision; a plain Cast at inference)">;

def Sym_ExpandDimsOp : Sym_Op<"expand_dims"> {
  let summary = "insert an axis of size 1 at `axis` (in [-ndim-1, ndim])";
  let description = [{ Source: src/operator/tensor/matrix_op.cc (ExpandDimShape). }];
  let arguments = (ins Sym_Tensor:$data, Sym_I64Attr:$axis);
  let results = (outs Sym_Tensor:$output);
}

def Sym_BroadcastAxisOp : Sym_Op<"broadcast_axis"> {
  let summary = "repeat size-1 axes `axis` to `size` (alias broadcast_axes)";
  let description = [{ Source: src/operator/tensor/broadcast_reduce_op_value.cc. }];
  let arguments = (ins Sym_Tensor:$data, Sym_OptTuple:$axis, Sym_OptTuple:$size);
  let results = (outs Sym_Tensor:$output);
}

def Sym_BroadcastToOp : Sym_Op<"broadcast_to"> {
  let summary = "broadcast to `shape` (0 keeps the input's dimension)";
  let description = [{ Source: src/operator/tensor/broadcast_reduce_op_value.cc. }];
  let arguments = (ins Sym_Tensor:$data, Sym_OptTuple:$shape);
  let results = (outs Sym_Tensor:$output);
}

def Sym_ZerosLikeOp : Sym_SameShapeOp<"zeros_like"> {
  let summary = "zeros of the input's shape and dtype";
  let description = [{ Source: src/operator/tensor/elemwise_unary_op_basic.cc. }];
  let arguments = (ins Sym_Tensor:$data);
  let results = (outs Sym_Tensor:$output);
}

def Sym_OnesLikeOp : Sym_SameShapeOp<"ones_like"> {
  let summary = "ones of the input's shape and dtype";
  let description = [{ Source: src/operator/tensor/elemwise_unary_op_basic.cc. }];
  let arguments = (ins Sym_Tensor:$data);
  let results = (outs Sym_Tensor:$output);
}

def Sym_SliceOp : Sym_Op<"slice"> {
  let summary = "data[begin:end:step] on the leading axes (alias crop)";
  let description = [{
    Entries may be None (stored as INT64_MIN): begin/end default to the
    whole axis in the direction of `step`, step to 1. Negative indices count
    from the end. Source: src/operator/tensor/matrix_op-inl.h (SliceOpShape).
  }];
  let arguments = (ins Sym_Tensor:$data, DenseI64ArrayAttr:$begin,
      DenseI64ArrayAttr:$end, Sym_OptTuple:$step);
  let results = (outs Sym_Tensor:$output);
  let extraClassDeclaration = [{
    /// (begin, step, length) per axis for an input extent; nullopt if
    /// invalid.
    std::optional<std::tuple<int64_t, int64_t, int64_t>>
    getAxisRange(size_t axis, int64_t extent);
  }];
}

def Sym_SliceAxisOp : Sym_Op<"slice_axis"> {
  let summary = "data[begin:end] along `axis` (negative indices count back)";
  let description = [{ Source: src/operator/tensor/matrix_op.cc (SliceAxisShape). }];
  let arguments = (ins Sym_Tensor:$data, Sym_I64Attr:$axis, Sym_I64Attr:$begin,
      OptionalAttr<Sym_I64Attr>:$end);
  let results = (outs Sym_Tensor:$output);
}

def Sym_SqueezeOp : Sym_Op<"squeeze"> {
  let summary = "drop size-1 axes (those in `axis`, or all)";
  let description = [{ Source: src/operator/tensor/matrix_op.cc (SqueezeShape). }];
  let arguments = (ins Sym_Tensor:$data, Sym_OptTuple:$axis);
  let results = (outs Sym_Tensor:$output);
}

def Sym_StackOp : Sym_Op<"stack"> {
  let summary = "stack same-shape inputs along a new axis";
  let description = [{ Source: src/operator/tensor/matrix_op.cc (StackOpShape). }];
  let arguments = (ins Variadic<Sym_Tensor>:$data, Sym_DefaultI64<"0">:$axis,
      Sym_I64Attr:$num_args);
  let results = (outs Sym_Tensor:$output);
}

def Sym_SwapAxisOp : Sym_Op<"SwapAxis"> {
  let summary = "exchange axes dim1 and dim2 (alias swapaxes)";
  let description = [{ Source: src/operator/swapaxis.cc. }];
  let arguments = (ins Sym_Tensor:$data, Sym_DefaultI64<"0">:$dim1,
      Sym_DefaultI64<"0">:$dim2);
  let results = (outs Sym_Tensor:$output);
}

def Sym_ReverseOp : Sym_Op<"reverse"> {
  let summary = "reverse the order along `axis` (alias flip)";
  let description = [{ Source: src/operator/tensor/matrix_op.cc. }];
  let arguments = (ins Sym_Tensor:$data, Sym_OptTuple:$axis);
  let results = (outs Sym_Tensor:$output);
}

def Sym_TileOp : Sym_Op<"tile"> {
  let summary = "repeat the whole array `reps` times per axis";
  let description = [{
    reps shorter than the rank are padded with 1s on the left, longer ones
    prepend axes to the data. Source: src/operator/tensor/matrix_op.cc.
  }];
  let arguments = (ins Sym_Tensor:$data, DenseI64ArrayAttr:$reps);
  let results = (outs Sym_Tensor:$output);
}

def Sym_RepeatOp : Sym_Op<"repeat"> {
  let summary = "repeat each element `repeats` times along `axis` (flattened if none)";
  let description = [{ Source: src/operator/tensor/matrix_op.cc. }];
  let arguments = (ins Sym_Tensor:$data, Sym_I64Attr:$repeats,
      OptionalAttr<Sym_I64Attr>:$axis);
  let results = (outs Sym_Tensor:$output);
}

def Sym_ReshapeLikeOp : Sym_Op<"reshape_like", [DeclareOpInterfaceMethods<
    Sym_InferInterface, ["inferShapes", "inferTypes"]>]> {
  let summary = "lhs reshaped: lhs[:lb] + rhs[rb:re] + lhs[le:]";
  let description = [{
    The begin/end attributes default to the whole shapes (plain reshape to
    rhs's shape). The output has lhs's dtype.
    Source: src/operator/tensor/elemwise_unary_op_basic.cc (ReshapeLikeShape).
  }];
  let arguments = (ins Sym_Tensor:$lhs, Sym_Tensor:$rhs,
      OptionalAttr<Sym_I64Attr>:$lhs_begin, OptionalAttr<Sym_I64Attr>:$lhs_end,
      OptionalAttr<Sym_I64Attr>:$rhs_begin, OptionalAttr<Sym_I64Attr>:$rhs_end);
  let results = (outs Sym_Tensor:$output);
}

def Sym_BroadcastLikeOp : Sym_Op<"broadcast_like", [DeclareOpInterfaceMethods<
    Sym_InferInterface, ["inferShapes", "inferTypes"]>]> {
  let summary = "lhs broadcast to rhs's shape (or on lhs_axes to rhs_axes)";
  let description = [{
    Source: src/operator/tensor/broadcast_reduce_op_value.cc
    (BroadcastLikeShape). The output has lhs's dtype.
  }];
  let arguments = (ins Sym_Tensor:$lhs, Sym_Tensor:$rhs, Sym_OptTuple:$lhs_axes,
      Sym_OptTuple:$rhs_axes);
  let results = (outs Sym_Tensor:$output);
}

def Sym_UpSamplingOp : Sym_Op<"UpSampling"> {
  let summary = "nearest (one or more inputs) or bilinear upsampling by `scale`";
  let description = [{
    nearest: each input is repeated to (H0 * scale, W0 * scale) of the first
    and the results concatenated on channels (or summed, multi_input_mode
    sum). bilinear: inputs (data, weight), a Deconvolution of kernel
    2s - s % 2, stride s, pad ceil((s - 1) / 2) with num_filter groups.
    Source: src/operator/nn/upsampling.cc.
  }];
  let arguments = (ins Variadic<Sym_Tensor>:$data, Sym_I64Attr:$scale,
      DefaultValuedAttr<StrAttr, "\"nearest\"">:$sample_type,
      Sym_DefaultI64<"1">:$num_args, Sym_DefaultI64<"0">:$num_filter,
      DefaultValuedAttr<StrAttr, "\"concat\"">:$multi_input_mode);
  let results = (outs Sym_Tensor:$output);
  let hasVerifier = 1;
}

class Sym_ShapeInfoOp<string mnemonic, string what> : Sym_Op<mnemonic,
    [DeclareOpInterfaceMethods<Sym_InferInterface, ["inferShapes", "inferTypes"]>]> {
  let summary = what # " of the input, as int64";
  let description = [{ Source: src/operator/tensor/elemwise_unary_op_basic.cc. }];
  let arguments = (ins Sym_Tensor:$data);
  let results = (outs Sym_Tensor:$output);
}
def Sym_ShapeArrayOp : Sym_ShapeInfoOp<"shape_array", "the shape">;
def Sym_SizeArrayOp : Sym_ShapeInfoOp<"size_array", "the element count">;

def Sym_PadOp : Sym_Op<"Pad"> {
  let summary = "pad a 4-D or 5-D array (alias pad)";
  let description = [{
    pad_width holds (before, after) per axis; the first two axes are not
    padded. Modes constant, edge and reflect.
    Source: src/operator/pad.cc.
  }];
  let arguments = (ins Sym_Tensor:$data, StrAttr:$mode,
      DenseI64ArrayAttr:$pad_width, Sym_DefaultF64<"0.0">:$constant_value);
  let results = (outs Sym_Tensor:$output);
}

class Sym_BlockOp<string mnemonic, string what> : Sym_Op<mnemonic> {
  let summary = what;
  let description = [{ Source: src/operator/tensor/matrix_op.cc. }];
  let arguments = (ins Sym_Tensor:$data, Sym_I64Attr:$block_size);
  let results = (outs Sym_Tensor:$output);
}
def Sym_DepthToSpaceOp : Sym_BlockOp<"depth_to_space",
    "(N, C, H, W) -> (N, C / b^2, H * b, W * b)">;
def Sym_SpaceToDepthOp : Sym_BlockOp<"space_to_depth",
    "(N, C, H, W) -> (N, C * b^2, H / b, W / b)">;

def Sym_OneHotOp : Sym_Op<"one_hot", [DeclareOpInterfaceMethods<
    Sym_InferInterface, ["inferShapes", "inferTypes"]>]> {
  let summary = "on_value where the index equals the position, else off_value";
  let description = [{ Source: src/operator/tensor/indexing_op.cc. }];
  let arguments = (ins Sym_Tensor:$indices, Sym_I64Attr:$depth,
      Sym_DefaultF64<"1.0">:$on_value, Sym_DefaultF64<"0.0">:$off_value,
      OptionalAttr<TypeAttr>:$dtype);
  let results = (outs Sym_Tensor:$output);
}

def Sym_TakeOp : Sym_Op<"take", [DeclareOpInterfaceMethods<
    Sym_InferInterface, ["inferShapes", "inferTypes"]>]> {
  let summary = "slices of `a` along `axis` at `indices` (clip or wrap)";
  let description = [{ Source: src/operator/tensor/indexing_op.cc (TakeOpShape). }];
  let arguments = (ins Sym_Tensor:$a, Sym_Tensor:$indices,
      Sym_DefaultI64<"0">:$axis,
      DefaultValuedAttr<StrAttr, "\"clip\"">:$mode);
  let results = (outs Sym_Tensor:$output);
}

def Sym_PickOp : Sym_Op<"pick", [DeclareOpInterfaceMethods<
    Sym_InferInterface, ["inferShapes", "inferTypes"]>]> {
  let summary = "data[..., index[...], ...] along `axis` (clip or wrap)";
  let description = [{ Source: src/operator/tensor/broadcast_reduce_op_index.cc. }];
  let arguments = (ins Sym_Tensor:$data, Sym_Tensor:$index,
      Sym_DefaultI64<"-1">:$axis, Sym_DefaultBool<"false">:$keepdims,
      DefaultValuedAttr<StrAttr, "\"clip\"">:$mode);
  let results = (outs Sym_Tensor:$output);
}

//===----------------------------------------------------------------------===//
// Ops without inputs: their shape and dtype come from attributes.
//===----------------------------------------------------------------------===//

class Sym_InitOp<string mnemonic> : Sym_Op<mnemonic, [DeclareOpInterfaceMethods<
    Sym_InferInterface, ["inferShapes", "inferTypes"]>]>;

class Sym_FillOp<string mnemonic, string what> : Sym_InitOp<mnemonic> {
  let summary = "a tensor of `shape` filled with " # what;
  let description = [{
    A 0 in `shape` is an unknown dimension (legacy semantics), left to
    inference. `dtype` defaults to float32.
    Source: src/operator/tensor/init_op.cc.
  }];
  let results = (outs Sym_Tensor:$output);
}

def Sym_ZerosOp : Sym_FillOp<"_zeros", "0"> {
  let arguments = (ins Sym_OptTuple:$shape, OptionalAttr<TypeAttr>:$dtype);
}
def Sym_OnesOp : Sym_FillOp<"_ones", "1"> {
  let arguments = (ins Sym_OptTuple:$shape, OptionalAttr<TypeAttr>:$dtype);
}
def Sym_FullOp : Sym_FillOp<"_full", "`value`"> {
  let arguments = (ins Sym_OptTuple:$shape, OptionalAttr<TypeAttr>:$dtype,
      F64Attr:$value);
}

def Sym_ArangeOp : Sym_InitOp<"_arange"> {
  let summary = "start, start + step, ... below stop, each repeated `repeat` times";
  let description = [{
    Without `stop` the range is [0, start). `infer_range` (take the length
    from the consumer) is not supported yet.
    Source: src/operator/tensor/init_op.cc (RangeParam).
  }];
  let arguments = (ins F64Attr:$start, OptionalAttr<F64Attr>:$stop,
      Sym_DefaultF64<"1.0">:$step, Sym_DefaultI64<"1">:$repeat,
      Sym_DefaultBool<"false">:$infer_range, OptionalAttr<TypeAttr>:$dtype);
  let results = (outs Sym_Tensor:$output);
}

def Sym_LinspaceOp : Sym_InitOp<"_linspace"> {
  let summary = "`num` evenly spaced values from start to stop";
  let description = [{
    step = (stop - start) / (endpoint ? num - 1 : num); with endpoint the
    last value is exactly `stop`. Source: src/operator/tensor/init_op.h.
  }];
  let arguments = (ins F64Attr:$start, F64Attr:$stop, Sym_I64Attr:$num,
      Sym_DefaultBool<"true">:$endpoint, OptionalAttr<TypeAttr>:$dtype);
  let results = (outs Sym_Tensor:$output);
}

def Sym_EyeOp : Sym_InitOp<"_eye"> {
  let summary = "N x M with ones on the k-th diagonal";
  let description = [{ M = 0 means N. Source: src/operator/tensor/init_op.h. }];
  let arguments = (ins Sym_I64Attr:$N, Sym_DefaultI64<"0">:$M,
      Sym_DefaultI64<"0">:$k, OptionalAttr<TypeAttr>:$dtype);
  let results = (outs Sym_Tensor:$output);
}

def Sym_SequenceMaskOp : Sym_Op<"SequenceMask", [DeclareOpInterfaceMethods<
    Sym_InferInterface, ["inferShapes", "inferTypes"]>]> {
  let summary = "set steps at or beyond each sequence's length to `value`";
  let description = [{
    `axis` 0 is (T, B, ...), `axis` 1 is (B, T, ...); sequence_length is
    (B,). Without use_sequence_length the data passes through.
    Source: src/operator/sequence_mask.cc.
  }];
  let arguments = (ins Sym_Tensor:$data, Optional<Sym_Tensor>:$sequence_length,
      Sym_DefaultBool<"false">:$use_sequence_length, Sym_DefaultF64<"0.0">:$value,
      Sym_DefaultI64<"0">:$axis);
  let results = (outs Sym_Tensor:$output);
}

//===----------------------------------------------------------------------===//
// gather_nd, scatter_nd, diag, _split_v2, slice_like, SequenceLast/Reverse
//===----------------------------------------------------------------------===//

def Sym_GatherNDOp : Sym_Op<"gather_nd", [DeclareOpInterfaceMethods<
    Sym_InferInterface, ["inferShapes", "inferTypes"]>]> {
  let summary = "data[indices[0, y], ..., indices[M-1, y], ...] for each y";
  let description = [{
    indices (M, Y...) over data (X0, ..., Xn-1): output (Y..., XM, ...).
    Negative indices wrap once (index + X, truncated, modulo X).
    Source: src/operator/tensor/indexing_op.cc (GatherNDShape).
  }];
  let arguments = (ins Sym_Tensor:$data, Sym_Tensor:$indices);
  let results = (outs Sym_Tensor:$output);
}

def Sym_ScatterNDOp : Sym_Op<"scatter_nd", [DeclareOpInterfaceMethods<
    Sym_InferInterface, ["inferShapes", "inferTypes"]>]> {
  let summary = "zeros of `shape` with data[y, ...] written at indices[:, y]";
  let description = [{
    The inverse of gather_nd; of duplicate indices the last one wins.
    Source: src/operator/tensor/indexing_op.cc (ScatterNDShape).
  }];
  let arguments = (ins Sym_Tensor:$data, Sym_Tensor:$indices,
      DenseI64ArrayAttr:$shape);
  let results = (outs Sym_Tensor:$output);
}

def Sym_DiagOp : Sym_Op<"diag"> {
  let summary = "a diagonal matrix from a vector, or the k-th diagonal";
  let description = [{
    1-D input: np.diag(v, k); N-D input: np.diagonal(a, k, axis1, axis2).
    Source: src/operator/tensor/diag_op-inl.h.
  }];
  let arguments = (ins Sym_Tensor:$data, Sym_DefaultI64<"0">:$k,
      Sym_DefaultI64<"0">:$axis1, Sym_DefaultI64<"1">:$axis2);
  let results = (outs Sym_Tensor:$output);
}

def Sym_SplitV2Op : Sym_Op<"_split_v2"> {
  let summary = "split along `axis` at start `indices` or into `sections`";
  let description = [{
    `indices` are the start points (the leading 0 included); `sections` > 0
    splits numpy.array_split-style (the first size % sections parts one
    longer). Source: src/operator/tensor/matrix_op-inl.h (SplitParam).
  }];
  let arguments = (ins Sym_Tensor:$data, DenseI64ArrayAttr:$indices,
      Sym_DefaultI64<"1">:$axis, Sym_DefaultBool<"false">:$squeeze_axis,
      Sym_DefaultI64<"0">:$sections);
  let results = (outs Variadic<Sym_Tensor>:$outputs);
  let hasVerifier = 1;
  let extraClassDeclaration = [{
    /// The [begin, end) of each output along an axis of `size`.
    ::llvm::SmallVector<std::pair<int64_t, int64_t>> getRanges(int64_t size);
  }];
}

def Sym_SliceLikeOp : Sym_Op<"slice_like", [DeclareOpInterfaceMethods<
    Sym_InferInterface, ["inferShapes", "inferTypes"]>]> {
  let summary = "data cut to shape_like's extent on `axes` (all when empty)";
  let description = [{ Source: src/operator/tensor/matrix_op.cc (SliceLikeShape). }];
  let arguments = (ins Sym_Tensor:$data, Sym_Tensor:$shape_like,
      Sym_OptTuple:$axes);
  let results = (outs Sym_Tensor:$output);
}

class Sym_SequenceOp<string mnemonic> : Sym_Op<mnemonic, [DeclareOpInterfaceMethods<
    Sym_InferInterface, ["inferShapes", "inferTypes"]>]> {
  let arguments = (ins Sym_Tensor:$data, Optional<Sym_Tensor>:$sequence_length,
      Sym_DefaultBool<"false">:$use_sequence_length, Sym_DefaultI64<"0">:$axis);
  let results = (outs Sym_Tensor:$output);
}

def Sym_SequenceLastOp : Sym_SequenceOp<"SequenceLast"> {
  let summary = "the last valid step of each sequence";
  let description = [{
    axis 0: (T, B, ...), axis 1: (B, T, ...) -> (B, ...); lengths are
    truncated to integers. Source: src/operator/sequence_last-inl.h.
  }];
}

def Sym_SequenceReverseOp : Sym_SequenceOp<"SequenceReverse"> {
  let summary = "each sequence's valid prefix reversed, padding kept";
  let description = [{
    (T, B, ...) data, axis 0 only. Source: src/operator/sequence_reverse-inl.h.
  }];
}

//===----------------------------------------------------------------------===//
// Crop, BilinearResize2D, ROIPooling, ROIAlign
//===----------------------------------------------------------------------===//

def Sym_CropOp : Sym_Op<"Crop"> {
  let summary = "an (h, w) window of NCHW data (legacy)";
  let description = [{
    With two inputs the window has the second input's H and W; with one,
    h_w. At `offset` (y, x) or centred. Source: src/operator/crop-inl.h.
  }];
  let arguments = (ins Variadic<Sym_Tensor>:$data, Sym_I64Attr:$num_args,
      Sym_OptTuple:$offset, Sym_OptTuple:$h_w,
      Sym_DefaultBool<"false">:$center_crop);
  let results = (outs Sym_Tensor:$output);
  let extraClassDeclaration = [{
    /// The (y, x) offset of the window for data H x W and window h x w.
    std::pair<int64_t, int64_t> getWindowOffset(int64_t H, int64_t W,
                                                int64_t h, int64_t w);
  }];
}

def Sym_BilinearResize2DOp : Sym_Op<"_contrib_BilinearResize2D"> {
  let summary = "bilinear resize of NCHW data (PyTorch's upsample_bilinear2d)";
  let description = [{
    The size comes from height/width, the scales, `like` (mode like) or the
    odd/even modes. Source: src/operator/contrib/bilinear_resize-inl.h.
  }];
  let arguments = (ins Sym_Tensor:$data, Optional<Sym_Tensor>:$like,
      Sym_DefaultI64<"1">:$height, Sym_DefaultI64<"1">:$width,
      OptionalAttr<F64Attr>:$scale_height, OptionalAttr<F64Attr>:$scale_width,
      DefaultValuedAttr<StrAttr, "\"size\"">:$mode,
      Sym_DefaultBool<"true">:$align_corners);
  let results = (outs Sym_Tensor:$output);
  let hasVerifier = 1;
}

def Sym_ROIPoolingOp : Sym_Op<"ROIPooling"> {
  let summary = "max pooling of each region of interest to pooled_size";
  let description = [{
    rois (R, 5): [batch, x1, y1, x2, y2] in input coordinates, scaled by
    spatial_scale and rounded; inclusive ends; empty bins give 0. The
    hidden second result is the argmax. Source: src/operator/roi_pooling.cc.
  }];
  let arguments = (ins Sym_Tensor:$data, Sym_Tensor:$rois,
      DenseI64ArrayAttr:$pooled_size, F64Attr:$spatial_scale);
  let results = (outs Sym_Tensor:$output, Sym_Tensor:$maxidx);
}

def Sym_ROIAlignOp : Sym_Op<"_contrib_ROIAlign"> {
  let summary = "bilinear-sampled average of each region of interest";
  let description = [{
    sample_ratio <= 0 samples ceil(roi / pooled) points per bin; aligned
    shifts by half a pixel; position_sensitive reads channel group
    c * PH * PW + ph * PW + pw. Source: src/operator/contrib/roi_align.cc.
  }];
  let arguments = (ins Sym_Tensor:$data, Sym_Tensor:$rois,
      DenseI64ArrayAttr:$pooled_size, F64Attr:$spatial_scale,
      Sym_DefaultI64<"-1">:$sample_ratio,
      Sym_DefaultBool<"false">:$position_sensitive,
      Sym_DefaultBool<"false">:$aligned);
  let results = (outs Sym_Tensor:$output);
}

#endif // SYM_TENSOR_OPS

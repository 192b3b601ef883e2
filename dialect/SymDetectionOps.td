//===- SymDetectionOps.td - SSD anchors, decoding, NMS, IoU -*- tablegen -*-===//
//
// MXNet's `_contrib_` detection ops, as MXNet 1.9.1's CPU code computes
// them (src/operator/contrib/multibox_*.cc, bounding_box-inl.h).
//
//===----------------------------------------------------------------------===//

#ifndef SYM_DETECTION_OPS
#define SYM_DETECTION_OPS

include "SymBase.td"

class Sym_F64Tuple<string v> : DefaultValuedAttr<DenseF64ArrayAttr, v>;

def Sym_MultiBoxPriorOp : Sym_Op<"_contrib_MultiBoxPrior"> {
  let summary = "SSD anchor boxes for each position of a feature map";
  let description = [{
    From data (B, C, H, W) only H and W matter: (1, H*W*A, 4) corner boxes,
    A = |sizes| + |ratios| - 1, per position first every size with
    ratios[0], then sizes[0] with each further ratio. Widths are scaled by
    H / W. A non-positive step means 1/H (1/W).
  }];
  let arguments = (ins Sym_Tensor:$data, Sym_F64Tuple<"{1.0}">:$sizes,
      Sym_F64Tuple<"{1.0}">:$ratios, Sym_DefaultBool<"false">:$clip,
      Sym_F64Tuple<"{-1.0, -1.0}">:$steps, Sym_F64Tuple<"{0.5, 0.5}">:$offsets);
  let results = (outs Sym_Tensor:$output);
  let hasVerifier = 1;
}

def Sym_MultiBoxDetectionOp : Sym_Op<"_contrib_MultiBoxDetection"> {
  let summary = "decode SSD predictions against anchors, then greedy NMS";
  let description = [{
    cls_prob (B, C, N) (class 0 the background), loc_pred (B, N*4), anchor
    (1, N, 4) -> (B, N, 6) rows [id, score, xmin, ymin, xmax, ymax] sorted
    by score; invalid and suppressed rows have id -1. `background_id` is
    accepted but, as in MXNet 1.9.1, unused.
  }];
  let arguments = (ins Sym_Tensor:$cls_prob, Sym_Tensor:$loc_pred,
      Sym_Tensor:$anchor, Sym_DefaultBool<"true">:$clip,
      Sym_DefaultF64<"0.01">:$threshold, Sym_DefaultI64<"0">:$background_id,
      Sym_DefaultF64<"0.5">:$nms_threshold,
      Sym_DefaultBool<"false">:$force_suppress,
      Sym_F64Tuple<"{0.1, 0.1, 0.2, 0.2}">:$variances,
      Sym_DefaultI64<"-1">:$nms_topk);
  let results = (outs Sym_Tensor:$output);
  let hasVerifier = 1;
}

def Sym_BoxNMSOp : Sym_Op<"_contrib_box_nms"> {
  let summary = "greedy non-maximum suppression over (..., N, K) boxes";
  let description = [{
    Survivors are packed at the top of each batch in descending score order,
    every other row is -1. The second (hidden) result records each
    survivor's flat input index. Formats: corner or center.
  }];
  let arguments = (ins Sym_Tensor:$data, Sym_DefaultF64<"0.5">:$overlap_thresh,
      Sym_DefaultF64<"0.0">:$valid_thresh, Sym_DefaultI64<"-1">:$topk,
      Sym_DefaultI64<"2">:$coord_start, Sym_DefaultI64<"1">:$score_index,
      Sym_DefaultI64<"-1">:$id_index, Sym_DefaultI64<"-1">:$background_id,
      Sym_DefaultBool<"false">:$force_suppress,
      DefaultValuedAttr<StrAttr, "\"corner\"">:$in_format,
      DefaultValuedAttr<StrAttr, "\"corner\"">:$out_format);
  let results = (outs Sym_Tensor:$output, Sym_Tensor:$record);
  let hasVerifier = 1;
}

def Sym_BoxIoUOp : Sym_Op<"_contrib_box_iou"> {
  let summary = "pairwise IoU of two box sets: lhs[:-1] + rhs[:-1]";
  let arguments = (ins Sym_Tensor:$lhs, Sym_Tensor:$rhs,
      DefaultValuedAttr<StrAttr, "\"corner\"">:$format);
  let results = (outs Sym_Tensor:$output);
  let hasVerifier = 1;
}

#endif // SYM_DETECTION_OPS

// RUN: sym-opt %s -split-input-file -verify-diagnostics -convert-sym-to-linalg

// Every unsupported op is named in one message, with its nodes.
// expected-error @below {{the model uses operators that symc cannot lower yet: WarpCTC (2 nodes: ctc0, ctc1); _contrib_Foo (1 node: foo)}}
module {
  func.func @main(%x: tensor<2x3xf32>) -> (tensor<*xf32>, tensor<*xf32>, tensor<*xf32>) {
    %0 = sym.operator "WarpCTC"(%x) : (tensor<2x3xf32>) -> tensor<*xf32> loc("ctc0")
    %1 = sym.operator "_contrib_Foo"(%x) : (tensor<2x3xf32>) -> tensor<*xf32> loc("foo")
    %2 = sym.operator "WarpCTC"(%x) : (tensor<2x3xf32>) -> tensor<*xf32> loc("ctc1")
    return %0, %1, %2 : tensor<*xf32>, tensor<*xf32>, tensor<*xf32>
  }
}

// -----

func.func @dynamic(%x: tensor<?x3xf32>) -> tensor<?x3xf32> {
  // expected-error @+1 {{operator sym.Activation needs static shapes and known dtypes before lowering}}
  %0 = sym.Activation %x {act_type = #sym.act_type<relu>} : (tensor<?x3xf32>) -> tensor<?x3xf32>
  return %0 : tensor<?x3xf32>
}

// -----

// MXNet's inference does not check a reshape's size (the check is compiled
// out of ReshapeShape), so the lowering does.
func.func @reshape_size(%x: tensor<2x5xf32>) -> tensor<3x3xf32> {
  // expected-error @+1 {{Error in operator sym.Reshape: Target shape size is different to source. Target: (3,3) Source: (2,5)}}
  %0 = sym.Reshape %x {shape = array<i64: 3, 3>} : (tensor<2x5xf32>) -> tensor<3x3xf32>
  return %0 : tensor<3x3xf32>
}

//===- Value.cpp - Python's str() of keyword values -----------------------===//
//
// MXNet's Python frontend passes every keyword value to the C API as
// str(value); these constructors produce the same text, so that attributes
// and JSON are what the same Python call would make.
//
//===----------------------------------------------------------------------===//

#include "Graph.h"

#include <charconv>
#include <cstdlib>

namespace symc {

Value::Value(bool v) : Value(Kind::Text, v ? "True" : "False") {}

Value::Value(double v) : Value(Kind::Text, detail::pythonFloatRepr(v)) {}

Value::Value(float v) : Value(Kind::Text, "") {
  // The shortest digits that identify the float, printed as Python prints
  // the double those digits denote.
  char buf[32];
  auto res = std::to_chars(buf, buf + sizeof(buf), v);
  text = reprText = detail::pythonFloatRepr(std::strtod(std::string(buf, res.ptr).c_str(), nullptr));
}

Value::Value(const char *v) : Value(std::string(v)) {}

Value::Value(std::string v) : kind(Kind::Text), text(std::move(v)) {
  // repr() of a str, as it prints inside a tuple: single quotes unless the
  // text has one and no double quote; backslashes and control characters
  // escaped.
  char quote = text.find('\'') != std::string::npos &&
                       text.find('"') == std::string::npos
                   ? '"'
                   : '\'';
  reprText = quote;
  for (char c : text) {
    switch (c) {
    case '\\': reprText += "\\\\"; break;
    case '\n': reprText += "\\n"; break;
    case '\r': reprText += "\\r"; break;
    case '\t': reprText += "\\t"; break;
    default:
      if (c == quote)
        reprText += '\\';
      reprText += c;
    }
  }
  reprText += quote;
}

Value::Value(std::initializer_list<Value> items) : kind(Kind::Text) {
  text = "(";
  size_t i = 0;
  for (const Value &item : items) {
    if (item.kind == Kind::Symbol || item.kind == Kind::Attrs)
      detail::fail("a tuple value holds numbers or strings only");
    if (i++)
      text += ", ";
    text += item.repr();
  }
  if (items.size() == 1)
    text += ",";
  text += ")";
  reprText = text;
}

Value::Value(const std::vector<int64_t> &items) : kind(Kind::Text) {
  text = "(";
  for (size_t i = 0; i < items.size(); ++i)
    text += (i ? ", " : "") + std::to_string(items[i]);
  text += items.size() == 1 ? ",)" : ")";
  reprText = text;
}

Value::Value(const Symbol &s)
    : kind(Kind::Symbol), symbol(std::make_shared<Symbol>(s)) {
  text = reprText = s.repr();
}

Value::Value(const Attrs &attrs) : kind(Kind::Attrs), attrs(attrs) {
  text = "{";
  for (const auto &[k, v] : attrs)
    text += (text.size() > 1 ? ", '" : "'") + k + "': '" + v + "'";
  text += "}";
  reprText = text;
}

} // namespace symc

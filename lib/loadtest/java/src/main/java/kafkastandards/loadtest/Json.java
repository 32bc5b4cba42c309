package kafkastandards.loadtest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A JSON object or array that renders itself on one line; enough for the output protocol. */
final class Json {
  private final Map<String, Object> fields;
  private final List<Object> items;

  private Json(Map<String, Object> fields, List<Object> items) {
    this.fields = fields;
    this.items = items;
  }

  static Json object() {
    return new Json(new LinkedHashMap<>(), null);
  }

  static Json array(Collection<?> values) {
    return new Json(null, new ArrayList<>(values));
  }

  Json put(String key, Object value) {
    fields.put(key, value);
    return this;
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder();
    write(out, this);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Json) {
      Json json = (Json) value;
      if (json.fields != null) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : json.fields.entrySet()) {
          if (!first) out.append(',');
          first = false;
          string(out, e.getKey());
          out.append(':');
          write(out, e.getValue());
        }
        out.append('}');
      } else {
        out.append('[');
        for (int i = 0; i < json.items.size(); i++) {
          if (i > 0) out.append(',');
          write(out, json.items.get(i));
        }
        out.append(']');
      }
    } else if (value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      out.append(Double.isFinite(d) ? Double.toString(d) : "null");
    } else if (value instanceof Number) {
      out.append(value);
    } else {
      string(out, value.toString());
    }
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
          else out.append(c);
      }
    }
    out.append('"');
  }
}

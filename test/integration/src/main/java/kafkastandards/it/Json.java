package kafkastandards.it;

import java.lang.reflect.InvocationTargetException;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON the TypeScript helpers print, into plain maps, lists, strings and numbers.
 *
 * Jackson is on the runtime classpath (target/lib: a runtime dependency of the broker) but not on
 * the compile classpath, and declaring it here would pin a version over the one the Kafka release
 * brings. So it is called reflectively: new ObjectMapper().readValue(text, Map.class).
 */
final class Json {
  private Json() {}

  @SuppressWarnings("unchecked")
  static Map<String, Object> readObject(String text) {
    try {
      Class<?> mapperClass = Class.forName("com.fasterxml.jackson.databind.ObjectMapper");
      Object mapper = mapperClass.getConstructor().newInstance();
      return (Map<String, Object>) mapperClass.getMethod("readValue", String.class, Class.class)
          .invoke(mapper, text, Map.class);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getCause().getMessage(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Jackson (com.fasterxml.jackson.databind) is not on the classpath", e);
    }
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object o, String what) {
    if (!(o instanceof Map)) throw new IllegalArgumentException(what + " is not an object");
    return (Map<String, Object>) o;
  }

  static List<?> list(Object o, String what) {
    if (!(o instanceof List)) throw new IllegalArgumentException(what + " is not a list");
    return (List<?>) o;
  }

  static String string(Object o, String what) {
    if (!(o instanceof String)) throw new IllegalArgumentException(what + " is not a string: " + o);
    return (String) o;
  }

  static int integer(Object o, String what) {
    if (!(o instanceof Integer)) throw new IllegalArgumentException(what + " is not an integer: " + o);
    return (Integer) o;
  }
}

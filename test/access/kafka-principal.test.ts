import { KafkaPrincipal, rfc2253 } from "../../lib/access/kafka-principal";
import { KafkaStandardsError } from "../../lib/errors";

// Expected values are what Java's X500Principal.getName() (RFC 2253, the name Kafka's default SSL
// principal builder uses) returns for each input on OpenJDK 17.
test.each([
  ["CN=a,OU=b", "CN=a,OU=b"],
  ["CN=a, OU=b", "CN=a,OU=b"],
  ["cn=a,ou=b", "CN=a,OU=b"],
  ["CN=a , O=x", "CN=a,O=x"],
  ["CN=a,O=Example Corp", "CN=a,O=Example Corp"],
  ["CN=a\\, b,O=x", "CN=a\\, b,O=x"],
  ["CN=a+UID=1,O=x", "CN=a+UID=1,O=x"],
])("rfc2253(%j) = %j", (input, expected) => {
  expect(rfc2253(input)).toBe(expected);
});

test("a DN in Kafka's form is accepted as is", () => {
  expect(KafkaPrincipal.tlsCertificate("CN=settlement,OU=payments,O=Example Corp").aclPrincipal).toBe(
    "User:CN=settlement,OU=payments,O=Example Corp",
  );
  expect(KafkaPrincipal.tlsCertificate("CN=x,1.2.840.113549.1.9.1=#16056140622e63").aclPrincipal).toBe(
    "User:CN=x,1.2.840.113549.1.9.1=#16056140622e63",
  );
});

test.each([
  ["CN=orders-api, OU=payments", 'pass "CN=orders-api,OU=payments"'],
  ["cn=orders-api,ou=payments", 'pass "CN=orders-api,OU=payments"'],
  ["CN=orders-api,EMAILADDRESS=ops@example.com", 'attribute type "EMAILADDRESS" by its OID'],
])("%j is refused with the form Kafka uses", (dn, fragment) => {
  let error: unknown;
  try {
    KafkaPrincipal.tlsCertificate(dn);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(KafkaStandardsError);
  expect((error as KafkaStandardsError).code).toBe("KSE-ACCESS-010");
  expect((error as KafkaStandardsError).message).toContain(fragment);
});

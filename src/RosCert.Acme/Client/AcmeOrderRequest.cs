namespace RosCert.Acme.Client;

/// <summary>
/// What to order: the DNS names, the DER CSR for them, the EAB credentials for a first registration
/// and, for an ARI renewal, the certificate identifier to put in <c>replaces</c> (RFC 9773 §5).
/// </summary>
public sealed record AcmeOrderRequest(IReadOnlyList<string> Names, byte[] Csr, EabCredentials? Eab, string? Replaces);

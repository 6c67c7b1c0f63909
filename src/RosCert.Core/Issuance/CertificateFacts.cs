using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RosCert.Core.Model;

namespace RosCert.Core.Issuance;

/// <summary>
/// Reads back what RouterOS shows of a DER certificate: key size, key-usage keywords, SAN entries,
/// subject fields, skid/akid, serial, validity and issuer. Malformed input throws CryptographicException.
/// </summary>
public static partial class CertificateFacts
{
    /// <summary>The printed facts of a certificate, as <see cref="CertificateIssuer.Issue"/> returns them.</summary>
    public static IssuedCertificate Describe(byte[] der)
    {
        Parts parts = PartsOf(der);
        Tbs tbs = ReadTbs(der);
        return new IssuedCertificate(
            der,
            SerialNumberText(tbs.Serial),
            Convert.ToHexStringLower(SHA256.HashData(der)),
            SkidOf(parts) ?? "",
            AkidOf(parts) ?? "",
            tbs.NotBefore,
            tbs.NotAfter,
            DistinguishedNames.Format(parts.Issuer),
            JoinedCrlPoints(CrlDistributionPointsOf(der)),
            KeyMaterial.PublicKeyHash(parts.PublicKey.ExportSubjectPublicKeyInfo()));
    }

    /// <summary>CRL distribution point URIs as the store keeps them: comma separated, null when none.</summary>
    internal static string? JoinedCrlPoints(IReadOnlyList<string> points) => points.Count > 0 ? string.Join(',', points) : null;

    /// <summary>The key-size value of the certificate's public key: RSA bits or the named curve.</summary>
    public static KeySize KeySizeOf(byte[] der) => KeySizeOf(PartsOf(der).PublicKey);

    /// <summary>The key-usage keywords of the KeyUsage and ExtendedKeyUsage extensions (unknown purposes dropped).</summary>
    public static KeyUsage KeyUsageOf(byte[] der)
    {
        Parts parts = PartsOf(der);
        var usage = KeyUsage.None;
        X509KeyUsageExtension? bits = parts.Extension<X509KeyUsageExtension>();
        X509EnhancedKeyUsageExtension? purposes = parts.Extension<X509EnhancedKeyUsageExtension>();
        HashSet<string> oids = purposes is null ? [] : [.. purposes.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value!)];
        foreach (KeyUsageKeyword row in KeyUsages.Table)
        {
            bool present = row.Extension == KeyUsageExtension.KeyUsage
                ? bits is not null && (bits.KeyUsages & IssuanceExtensions.FlagOfBit(row.Bit)) != 0
                : oids.Contains(row.Oid!);
            usage |= present ? row.Flag : KeyUsage.None;
        }

        return usage;
    }

    /// <summary>Whether BasicConstraints says cA=TRUE (RFC 5280 §4.2.1.9).</summary>
    public static bool IsCertificateAuthority(byte[] der) =>
        PartsOf(der).Extension<X509BasicConstraintsExtension>()?.CertificateAuthority == true;

    /// <summary>The DNS, IP and e-mail entries of the SubjectAltName extension, in encoded order; other kinds are skipped.</summary>
    public static IReadOnlyList<SanEntry> SubjectAltNamesOf(byte[] der) =>
        PartsOf(der).Extension("2.5.29.17") is { } extension ? ReadGeneralNames(extension.RawData) : [];

    /// <summary>The subject's C, ST, L, O, OU and CN (the first of each; missing ones empty).</summary>
    public static SubjectFields SubjectOf(byte[] der)
    {
        X500DistinguishedName name = PartsOf(der).Subject;
        string Part(string oid) => DistinguishedNames.FirstValue(name, oid) ?? "";
        return new SubjectFields(Part("2.5.4.3"), Part("2.5.4.6"), Part("2.5.4.8"), Part("2.5.4.7"), Part("2.5.4.10"), Part("2.5.4.11"));
    }

    /// <summary>The SubjectKeyIdentifier as upper-case hex, or null without the extension.</summary>
    public static string? SkidOf(byte[] der) => SkidOf(PartsOf(der));

    /// <summary>The keyIdentifier of the AuthorityKeyIdentifier as upper-case hex, or null without one.</summary>
    public static string? AkidOf(byte[] der) => AkidOf(PartsOf(der));

    /// <summary>The issuer DN as RouterOS prints it.</summary>
    public static string IssuerOf(byte[] der) => DistinguishedNames.Format(PartsOf(der).Issuer);

    /// <summary>The CRL distribution point URIs (RFC 5280 §4.2.1.13), in encoded order.</summary>
    public static IReadOnlyList<string> CrlDistributionPointsOf(byte[] der) =>
        PartsOf(der).Extension("2.5.29.31") is { } extension ? ReadDistributionPointUris(extension.RawData) : [];

    /// <summary>The DER SubjectPublicKeyInfo of the certificate.</summary>
    public static byte[] PublicKeyInfoOf(byte[] der) => PartsOf(der).PublicKey.ExportSubjectPublicKeyInfo();

    /// <summary>The digest of the certificate's signature algorithm; sha256 for algorithms outside the table.</summary>
    public static DigestAlgorithm SignatureDigestOf(byte[] der) =>
        Signatures.SignatureAlgorithms.Find(PartsOf(der).SignatureAlgorithm)?.Digest ?? DigestAlgorithm.Sha256;

    /// <summary>
    /// A certificate object for <paramref name="der"/>, which the caller disposes. Parsing is the
    /// costly part (OpenSSL decodes the public key each time), and one import or signing asks
    /// several facts of the same bytes, so the last few parses on this thread are kept in
    /// <see cref="RecentCertificates"/> and handed out as cheap copies sharing the parsed object.
    /// </summary>
    internal static X509Certificate2 Load(byte[] der)
    {
        ArgumentNullException.ThrowIfNull(der);
        return RecentCertificates.Load(der);
    }

    internal static KeySize KeySizeOf(PublicKey key)
    {
        // Read from the encoded key where it is plain (RSA modulus, named curve): loading the key into
        // OpenSSL cost half of an import (issue 9). Anything else takes the loading path and its errors.
        if (PlainKeySizeOf(key) is { } plain)
        {
            return plain;
        }

        using AsymmetricAlgorithm loaded = KeyMaterial.LoadPublicKey(key);
        if (loaded is RSA rsa)
        {
            return KeySize.ForRsaBits(rsa.KeySize);
        }

        string? curve = ((ECDsa)loaded).ExportParameters(false).Curve.Oid?.Value;
        return KeySize.Selectable.FirstOrDefault(s => s.CurveOid is not null && s.CurveOid == curve)
            ?? throw new CryptographicException($"EC curve {curve ?? "(explicit parameters)"} is not supported");
    }

    /// <summary>
    /// RSA: the bit length of the modulus of RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }
    /// (RFC 8017 §A.1.1), as OpenSSL counts it. EC: a selectable named curve (RFC 5480 §2.1.1). Else null.
    /// </summary>
    private static KeySize? PlainKeySizeOf(PublicKey key)
    {
        try
        {
            if (key.Oid.Value == KeyMaterial.RsaOid)
            {
                AsnReader sequence = new AsnReader(key.EncodedKeyValue.RawData, AsnEncodingRules.DER).ReadSequence();
                ReadOnlySpan<byte> modulus = sequence.ReadIntegerBytes().Span.TrimStart((byte)0);
                return modulus.Length == 0 || modulus.Length > 2048 ? null
                    : KeySize.ForRsaBits(((modulus.Length - 1) * 8) + (32 - System.Numerics.BitOperations.LeadingZeroCount((uint)modulus[0])));
            }

            if (key.Oid.Value == KeyMaterial.EcOid && key.EncodedParameters?.RawData is [0x06, ..] parameters)
            {
                string curve = new AsnReader(parameters, AsnEncodingRules.DER).ReadObjectIdentifier();
                return KeySize.Selectable.FirstOrDefault(s => s.CurveOid == curve);
            }
        }
        catch (AsnContentException)
        {
            // Not plain: the loading path reports it.
        }

        return null;
    }

    /// <summary>The SKI extension's value, or null when the certificate has none.</summary>
    internal static string? SkidOf(X509Certificate2 certificate) =>
        SkidOf(certificate.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault());

    private static string? SkidOf(Parts parts) => SkidOf(parts.Extension<X509SubjectKeyIdentifierExtension>());

    private static string? SkidOf(X509SubjectKeyIdentifierExtension? extension) => extension?.SubjectKeyIdentifier?.ToUpperInvariant();

    private static string? AkidOf(Parts parts)
    {
        ReadOnlyMemory<byte>? id = parts.Extension<X509AuthorityKeyIdentifierExtension>()?.KeyIdentifier;
        return id is { } value ? Convert.ToHexString(value.Span) : null;
    }

    /// <summary>Upper-case hex of the serial's value bytes: a 0x00 that only keeps the INTEGER positive is not printed.</summary>
    internal static string SerialNumberText(ReadOnlySpan<byte> serial) =>
        Convert.ToHexString(serial.Length > 1 && serial[0] == 0 ? serial[1..] : serial);

    private static List<SanEntry> ReadGeneralNames(byte[] extensionValue)
    {
        var entries = new List<SanEntry>();
        Try(() =>
        {
            AsnReader names = new AsnReader(extensionValue, AsnEncodingRules.DER).ReadSequence();
            while (names.HasData)
            {
                Asn1Tag tag = names.PeekTag();
                SanEntry? entry = tag.TagClass != TagClass.ContextSpecific ? null : tag.TagValue switch
                {
                    1 => new SanEntry(SanKind.Email, names.ReadCharacterString(UniversalTagNumber.IA5String, tag)),
                    2 => new SanEntry(SanKind.Dns, names.ReadCharacterString(UniversalTagNumber.IA5String, tag)),
                    7 => new SanEntry(SanKind.Ip, new IPAddress(names.ReadOctetString(tag)).ToString()),
                    _ => null,
                };
                if (entry is null)
                {
                    _ = names.ReadEncodedValue();
                    continue;
                }

                entries.Add(entry);
            }
        });
        return entries;
    }

    // CRLDistributionPoints ::= SEQUENCE OF DistributionPoint
    // DistributionPoint ::= SEQUENCE { distributionPoint [0] DistributionPointName OPTIONAL, reasons [1], cRLIssuer [2] }
    // DistributionPointName ::= CHOICE { fullName [0] GeneralNames, nameRelativeToCRLIssuer [1] }
    private static List<string> ReadDistributionPointUris(byte[] extensionValue)
    {
        var uris = new List<string>();
        Try(() =>
        {
            AsnReader points = new AsnReader(extensionValue, AsnEncodingRules.DER).ReadSequence();
            while (points.HasData)
            {
                AsnReader point = points.ReadSequence();
                var name = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
                if (!point.HasData || point.PeekTag() != name)
                {
                    continue;
                }

                AsnReader choice = point.ReadSequence(name);
                if (!choice.HasData || choice.PeekTag() != name)
                {
                    continue;
                }

                AsnReader fullName = choice.ReadSequence(name);
                var uri = new Asn1Tag(TagClass.ContextSpecific, 6);
                while (fullName.HasData)
                {
                    if (fullName.PeekTag() == uri)
                    {
                        uris.Add(fullName.ReadCharacterString(UniversalTagNumber.IA5String, uri));
                    }
                    else
                    {
                        _ = fullName.ReadEncodedValue();
                    }
                }
            }
        });
        return uris;
    }
}

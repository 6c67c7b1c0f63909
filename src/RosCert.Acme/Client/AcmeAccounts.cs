using System.Security.Cryptography;
using System.Text;
using RosCert.Acme.Wire;
using RosCert.Core.Model;
using RosCert.Core.Ports;

namespace RosCert.Acme.Client;

/// <summary>External Account Binding credentials (RFC 8555 §7.3.4): the CA's key id and MAC key.</summary>
public sealed record EabCredentials(string KeyId, byte[] MacKey)
{
    /// <summary>Reads the MAC key in base64url or base64; null when it is neither.</summary>
    public static EabCredentials? Parse(string keyId, string macKey) =>
        Base64UrlText.DecodeLenient(macKey) is { Length: > 0 } key ? new EabCredentials(keyId, key) : null;
}

/// <summary>A registered account: its key and URL (the <c>kid</c> of later requests).</summary>
public sealed record AcmeAccount(ECDsa Key, string Url);

/// <summary>
/// ACME accounts: one ES256 key per directory URL and EAB key id, kept sealed in the store's secrets
/// (never on disk in clear). A stored key is looked up with <c>onlyReturnExisting</c> (RFC 8555
/// §7.3.1), so renewals need no EAB key; a new key registers with <c>termsOfServiceAgreed</c> and
/// the binding, and is stored only once the server accepted it.
/// </summary>
public sealed class AcmeAccounts(IStore store, IKeyProtector protector)
{
    public async Task<AcmeAccount> EnsureAsync(AcmeTransport transport, EabCredentials? eab, CancellationToken cancel)
    {
        AcmeDirectory directory = await transport.DirectoryAsync(cancel).ConfigureAwait(false);
        string secret = SecretName(transport.DirectoryUrl, eab?.KeyId);
        if (store.Read(r => r.Secret(secret)) is { } sealedKey)
        {
            var key = ECDsa.Create();
            key.ImportPkcs8PrivateKey(protector.Unseal(sealedKey), out _);
            try
            {
                byte[] lookup = AcmeJson.Write(w => { w.WriteStartObject(); w.WriteBoolean("onlyReturnExisting", true); w.WriteEndObject(); });
                AcmeResponse found = await transport.PostAsync(directory.NewAccount, lookup, key, kid: null, cancel).ConfigureAwait(false);
                return new AcmeAccount(key, AccountUrl(found));
            }
            catch (AcmeException error) when (error.Problem?.Known?.Name == "accountDoesNotExist")
            {
                key.Dispose(); // the CA forgot it (pebble forgets on restart): register a new one
            }
        }

        var fresh = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        byte[] payload = AcmeJson.Write(w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("termsOfServiceAgreed", true);
            if (eab is not null)
            {
                w.WritePropertyName("externalAccountBinding");
                w.WriteRawValue(Jws.ExternalAccountBinding(eab.KeyId, eab.MacKey, directory.NewAccount.AbsoluteUri, fresh));
            }

            w.WriteEndObject();
        });
        AcmeResponse created = await transport.PostAsync(directory.NewAccount, payload, fresh, kid: null, cancel).ConfigureAwait(false);
        string url = AccountUrl(created);
        SealedKey stored = protector.Seal(fresh.ExportPkcs8PrivateKey());
        store.Write(w =>
        {
            w.PutSecret(secret, stored);
            return 0;
        });
        return new AcmeAccount(fresh, url);
    }

    /// <summary>The secret's name: a hash of directory and EAB key id, so neither shows in the store.</summary>
    public static string SecretName(Uri directory, string? eabKid)
    {
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(directory.AbsoluteUri + "\n" + (eabKid ?? "")));
        return "acme-account-" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    private static string AccountUrl(AcmeResponse response) =>
        response.Location?.AbsoluteUri ?? throw new AcmeException("newAccount response has no Location");
}

using RosCert.Acme.Client;
using RosCert.Core.Model;
using RosCert.Core.Ports;

namespace RosCert.Commands.Menus.Certificates.AcmeManaged;

/// <summary>
/// The http-01 answers of running orders, kept in the store (an internal item menu that no face
/// lists) so that whichever process serves www can answer them: the daemon, or the command itself.
/// Key authorizations are not secrets (RFC 8555 §8.3 serves them to anyone), but they stay out of print.
/// </summary>
public static class ChallengeTokens
{
    public const string Menu = "/certificate/acme-challenge";

    private const string KeyAuthorizationProperty = "key-authorization";

    /// <summary>The answer for a token, or null.</summary>
    public static string? KeyAuthorization(IStoreReader reader, string token) =>
        token.Length is > 0 and <= 256
            ? reader.Items(Menu).FirstOrDefault(i => i.Name == token)?.Properties.GetValueOrDefault(KeyAuthorizationProperty)
            : null;

    public static void Put(IStoreWriter writer, Http01Token token)
    {
        ItemRecord? existing = writer.Items(Menu).FirstOrDefault(i => i.Name == token.Token);
        var properties = new Dictionary<string, string>(StringComparer.Ordinal) { [KeyAuthorizationProperty] = token.KeyAuthorization };
        writer.PutItem(new ItemRecord(Menu, existing?.Id ?? writer.AllocateId(Menu), token.Token, properties));
    }

    public static void Remove(IStoreWriter writer, IEnumerable<string> tokens)
    {
        var names = tokens.ToHashSet(StringComparer.Ordinal);
        foreach (ItemRecord item in writer.Items(Menu).Where(i => i.Name is not null && names.Contains(i.Name)).ToArray())
        {
            writer.DeleteItem(Menu, item.Id);
        }
    }
}

/// <summary>Publishes tokens in the store and, when no daemon serves www, starts the host's listener.</summary>
public sealed class StoredChallengeResponder(IStore store, IChallengeListener? listener, Action<string> progress) : IChallengeResponder
{
    public async Task<IAsyncDisposable> PublishAsync(IReadOnlyList<Http01Token> tokens, CancellationToken cancel)
    {
        store.Write(writer =>
        {
            foreach (Http01Token token in tokens)
            {
                ChallengeTokens.Put(writer, token);
            }

            return 0;
        });
        IAsyncDisposable? listening = null;
        try
        {
            listening = listener is null ? null : await listener.ListenAsync(progress, cancel).ConfigureAwait(false);
        }
        catch
        {
            Withdraw(tokens);
            throw;
        }

        return new Publication(this, tokens, listening);
    }

    private void Withdraw(IReadOnlyList<Http01Token> tokens) =>
        store.Write(writer =>
        {
            ChallengeTokens.Remove(writer, tokens.Select(t => t.Token));
            return 0;
        });

    private sealed class Publication(StoredChallengeResponder owner, IReadOnlyList<Http01Token> tokens, IAsyncDisposable? listening) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (listening is not null)
            {
                await listening.DisposeAsync().ConfigureAwait(false);
            }

            owner.Withdraw(tokens);
        }
    }
}

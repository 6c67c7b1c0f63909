using System.Net;
using RosCert.Commands.Execution;

namespace RosCert.Server.Api;

/// <summary>
/// One RouterOS API connection (TCP 8728, or 8729 inside TLS): reads sentences, answers each in
/// order, and ends on <c>/quit</c>, when the peer closes, or on broken framing, which gets
/// <c>!fatal</c> and closes this connection only. Sentences before login are held to
/// <see cref="ApiLimits.BeforeLogin"/> (the API manual lets the router limit them).
/// </summary>
public static class ApiConnection
{
    public static async Task RunAsync(Stream stream, IPAddress remote, CommandEnvironment environment, IAuthenticator authenticator, CancellationToken cancellation)
    {
        var reader = new ApiSentenceReader(stream);
        var conversation = new ApiConversation(environment, authenticator, remote);
        try
        {
            while (!conversation.Closing)
            {
                ApiLimits limits = conversation.LoggedIn ? ApiLimits.Default : ApiLimits.BeforeLogin;
                IReadOnlyList<string>? sentence = await reader.ReadSentenceAsync(limits, cancellation).ConfigureAwait(false);
                if (sentence is null)
                {
                    return;
                }

                if (sentence.Count == 0)
                {
                    continue; // "Empty sentences are ignored" (API manual).
                }

                byte[] reply = ApiWords.EncodeSentences(conversation.Handle(sentence));
                await stream.WriteAsync(reply, cancellation).ConfigureAwait(false);
                await stream.FlushAsync(cancellation).ConfigureAwait(false);
            }
        }
        catch (ApiProtocolException error)
        {
            await TryFatalAsync(stream, error.Message, cancellation).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The peer went away; nothing to answer.
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            // The server is stopping.
        }
    }

    private static async Task TryFatalAsync(Stream stream, string reason, CancellationToken cancellation)
    {
        var replies = new ApiReplies(null);
        replies.Fatal(reason);
        try
        {
            await stream.WriteAsync(ApiWords.EncodeSentences(replies.Sentences), cancellation).ConfigureAwait(false);
            await stream.FlushAsync(cancellation).ConfigureAwait(false);
        }
        catch (Exception error) when (error is IOException or ObjectDisposedException or OperationCanceledException)
        {
            // Best effort: the connection closes either way.
        }
    }
}

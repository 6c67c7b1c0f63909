using System.Buffers;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using RosCert.Commands.Execution;

namespace RosCert.Server.Rest;

/// <summary>
/// HTTP Basic authentication (RFC 7617) against RouterOS users: every REST request carries the user
/// and password, there is no session cookie (RouterOS REST page: "Authentication to the REST API is
/// performed via HTTP Basic Auth").
/// </summary>
internal static class RestAuthentication
{
    private const string Scheme = "Basic ";

    /// <summary>The longest Authorization header read; longer ones are refused unread.</summary>
    private const int MaxCredentialsLength = 4096;

    public static Principal? Authenticate(HttpRequest request, IAuthenticator authenticator)
    {
        string? header = request.Headers.Authorization;
        if (header is null || !header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) || header.Length > MaxCredentialsLength)
        {
            return null;
        }

        if (!TryDecode(header.AsSpan(Scheme.Length).Trim(), out string user, out string password))
        {
            return null;
        }

        IPAddress remote = request.HttpContext.Connection.RemoteIpAddress ?? IPAddress.None;
        return authenticator.Authenticate(user, password, remote, "rest");
    }

    /// <summary>Splits <c>base64(user:password)</c> at the first colon (user names cannot hold one).</summary>
    private static bool TryDecode(ReadOnlySpan<char> encoded, out string user, out string password)
    {
        user = password = "";
        byte[] buffer = ArrayPool<byte>.Shared.Rent(encoded.Length);
        try
        {
            if (!Convert.TryFromBase64Chars(encoded, buffer, out int length))
            {
                return false;
            }

            ReadOnlySpan<byte> bytes = buffer.AsSpan(0, length);
            int colon = bytes.IndexOf((byte)':');
            if (colon < 0)
            {
                return false;
            }

            user = Encoding.UTF8.GetString(bytes[..colon]);
            password = Encoding.UTF8.GetString(bytes[(colon + 1)..]);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }
}

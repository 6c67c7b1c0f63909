namespace RosCert.Scep.Server;

/// <summary>The menus and item properties the SCEP server keeps in the store (reference §2.17).</summary>
public static class ScepStoreNames
{
    public const string ServerMenu = "/certificate/scep-server";
    public const string OtpMenu = "/certificate/scep-server/otp";
    public const string RequestMenu = "/certificate/scep-server/requests";

    // Hidden request properties: what the engine needs to answer polls and grant.
    public const string RequestDer = "request";
    public const string ServerId = "server";
    public const string IssuedFingerprint = "certificate";
    public const string KeyHash = "key";
    public const string CreatedAt = "created-at";

    // Hidden OTP properties: expiry as round-trip UTC text; the password's SHA-256 (hex), by which
    // an enrolment finds its OTP through an index (OTPs stored before it have none).
    public const string ExpiresAt = "expires-at";
    public const string PasswordHash = "password-hash";

    public const string Pending = "pending";
    public const string Granted = "granted";
    public const string Issued = "issued";
    public const string Failed = "failed";
}

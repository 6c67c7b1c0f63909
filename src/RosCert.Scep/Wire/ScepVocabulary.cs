namespace RosCert.Scep.Wire;

/// <summary>The SCEP messageType values (RFC 8894 §3.2.1.2).</summary>
public enum MessageType
{
    CertRep = 3,
    RenewalReq = 17,
    PkcsReq = 19,
    CertPoll = 20,
    GetCert = 21,
    GetCrl = 22,
}

/// <summary>The SCEP pkiStatus values (RFC 8894 §3.2.1.3).</summary>
public enum PkiStatus
{
    Success = 0,
    Failure = 2,
    Pending = 3,
}

/// <summary>The SCEP failInfo values (RFC 8894 §3.2.1.4).</summary>
public enum FailInfo
{
    BadAlg = 0,
    BadMessageCheck = 1,
    BadRequest = 2,
    BadTime = 3,
    BadCertId = 4,
}

/// <summary>
/// The one table of SCEP object identifiers: the authenticated attributes of RFC 8894 §3.2.1 under
/// the VeriSign arc 2.16.840.1.113733.1.9, and the CMS content types the pkiMessage nests.
/// </summary>
public static class ScepOids
{
    public const string MessageType = "2.16.840.1.113733.1.9.2";
    public const string PkiStatus = "2.16.840.1.113733.1.9.3";
    public const string FailInfo = "2.16.840.1.113733.1.9.4";
    public const string SenderNonce = "2.16.840.1.113733.1.9.5";
    public const string RecipientNonce = "2.16.840.1.113733.1.9.6";
    public const string TransactionId = "2.16.840.1.113733.1.9.7";

    public const string Data = "1.2.840.113549.1.7.1";
    public const string SignedData = "1.2.840.113549.1.7.2";
    public const string EnvelopedData = "1.2.840.113549.1.7.3";
}

/// <summary>A SCEP message that cannot be read or answered: becomes a FAILURE reply or an HTTP 400.</summary>
public sealed class ScepException : Exception
{
    public ScepException(FailInfo failInfo, string message, Exception? inner = null)
        : base(message, inner) => FailInfo = failInfo;

    public ScepException()
        : this(Wire.FailInfo.BadRequest, "bad SCEP message")
    {
    }

    public ScepException(string message)
        : this(Wire.FailInfo.BadRequest, message)
    {
    }

    public ScepException(string message, Exception inner)
        : this(Wire.FailInfo.BadRequest, message, inner)
    {
    }

    public FailInfo FailInfo { get; }
}

namespace RosCert.Core.Ports;

/// <summary>
/// Downloaded CRL bytes kept outside the store (<c>/certificate/settings crl-store=ram</c>): shared by
/// every process on one data directory and gone after a reboot. Content-addressed by the lower-case
/// SHA-256 fingerprint of the DER.
/// </summary>
public interface ICrlCache
{
    byte[]? Read(string fingerprint);

    /// <summary>Whether the CRL is still there, without reading it.</summary>
    bool Contains(string fingerprint);

    void Write(string fingerprint, byte[] der);

    void Delete(string fingerprint);
}

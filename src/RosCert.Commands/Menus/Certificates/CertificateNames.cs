using RosCert.Core.Ports;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>
/// The one naming rule for certificates the system creates from outside input (a signed request,
/// a SCEP enrolment): the subject's common name, else <c>certificate</c>; when taken, the first free
/// of <c>name_1</c>, <c>name_2</c>, … (the suffix style RouterOS uses for imports, reference §2.9).
/// </summary>
public static class CertificateNames
{
    public static string Unique(IStoreReader reader, string commonName)
    {
        string baseName = commonName.Length > 0 ? commonName : "certificate";
        if (reader.CertificateByName(baseName) is null)
        {
            return baseName;
        }

        for (int suffix = 1; ; suffix++)
        {
            string candidate = $"{baseName}_{suffix}";
            if (reader.CertificateByName(candidate) is null)
            {
                return candidate;
            }
        }
    }
}

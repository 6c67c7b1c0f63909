using RosCert.Core.Errors;
using RosCert.Core.Issuance;
using RosCert.Core.Model;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>A template's subject and alternative names as the issuing code takes them.</summary>
internal static class TemplateFields
{
    public static SubjectFields Subject(CertificateEntry template) =>
        new(template.CommonName, template.Country, template.State, template.Locality, template.Organization, template.Unit);

    /// <summary>The SAN entries; checked when they were set, so a failure here means a store edited by hand.</summary>
    public static IReadOnlyList<SanEntry> SubjectAltNames(CertificateEntry template) =>
        Core.Model.SubjectAltNames.TryParse(template.SubjectAltName, out IReadOnlyList<SanEntry> names, out string error)
            ? names
            : throw Errors.Failure(error);
}

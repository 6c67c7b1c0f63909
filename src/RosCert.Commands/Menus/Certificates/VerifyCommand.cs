using RosCert.Commands.Catalogue;
using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Commands.Standard;
using RosCert.Commands.Values;
using RosCert.Core.Errors;
using RosCert.Core.Model;
using RosCert.Core.Revocation;
using RosCert.Core.Verification;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>
/// <c>/certificate verify &lt;cert&gt;</c> (RosCert extra, issue 6): builds the certificate's chain from
/// the store and the system anchors (<c>/certificate/builtin</c>, unless <c>builtin-trust-store=untrusted</c>),
/// checks every link with <see cref="ChainVerifier"/> (revocation per <c>crl-use</c>) and prints it in
/// the shape of <c>print detail</c>: one numbered item per link, leaf first, then the verdict line.
/// Layout: docs/decisions/0010-crl-use-and-verify.md.
/// </summary>
public static class VerifyCommand
{
    public static CommandDef Definition() =>
        new("verify", "RosCert extra: build and check the chain of a certificate", Rights.Read, CommandKind.Query,
        [
            new("numbers", ItemListType.One, "certificate to verify") { Required = true, Position = 0 },
        ])
        {
            Handler = Run,
        };

    /// <summary>The chain check with the store's settings, as <c>verify</c> and the protocol clients use it.</summary>
    public static ChainVerdict Check(Invocation invocation, CertificateEntry certificate)
    {
        ArgumentNullException.ThrowIfNull(invocation);
        bool useCrls = CrlSettings.Use(invocation.Reader);
        var options = new ChainOptions(
            useCrls,
            CrlSettings.UseBuiltinAnchors(invocation.Reader) ? BuiltinView.Anchors(BuiltinView.SystemBundle) : [],
            useCrls ? RevocationIndex.Load(invocation.Reader, invocation.Environment.CrlCache, invocation.Now) : null);
        return ChainVerifier.Verify(certificate, invocation.Reader, invocation.Now, options);
    }

    private static CommandResult Run(Invocation invocation)
    {
        ItemView target = invocation.Targets().Single();
        CertificateEntry certificate = invocation.Reader.Certificate(target.Id!.Value) ?? throw Errors.NoSuchItem();
        if (certificate.IsTemplate)
        {
            throw Errors.Failure($"{certificate.Name} is a template, not a certificate");
        }

        ChainVerdict verdict = Check(invocation, certificate);
        var lines = new List<string> { "Flags: T - TRUSTED; B - BUILTIN" };
        for (int i = 0; i < verdict.Links.Count; i++)
        {
            lines.AddRange(Link(i, verdict.Links[i]));
            lines.Add("");
        }

        lines.Add(verdict.Ok ? "verdict: ok" : "verdict: failed: " + verdict.Reason);
        return new TextResult(lines);
    }

    private static IEnumerable<string> Link(int index, ChainLink link)
    {
        string flags = (link.Builtin ? "B" : link.Certificate.EffectiveTrusted ? "T" : " ").PadRight(1);
        yield return $"{index,2} {flags} {Pair("name", link.Certificate.Name)} {Pair("subject", link.Subject)} {Pair("issuer", link.Certificate.Issuer ?? "")}";
        yield return $"     {Pair("signature", link.Signature.Text)} {Pair("validity", link.Validity.Text)} {Pair("key-usage", link.KeyUsage.Text)}";
        yield return $"     {Pair("basic-constraints", link.BasicConstraints.Text)} {Pair("revocation", link.Revocation.Text)}";
    }

    private static string Pair(string name, string value) => name + "=" + ExportCommand.Quote(value);
}

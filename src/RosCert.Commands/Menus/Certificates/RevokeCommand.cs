using RosCert.Commands.Execution;
using RosCert.Commands.Items;
using RosCert.Core.Errors;
using RosCert.Core.Model;

namespace RosCert.Commands.Menus.Certificates;

/// <summary>
/// <c>issued-revoke &lt;items&gt; [reason=]</c> (reference §1.3, §2.10): marks certificates issued by a
/// local CA revoked (flag R, <c>revoked=&lt;date&gt;</c>) and their CAs' CRLs stale, all in one
/// transaction that changes nothing when any item cannot be revoked. Each affected CA's CRL is then
/// rebuilt once, after the commit, so a CRL of millions of entries never holds the write lock.
/// </summary>
public static class RevokeCommand
{
    public static CommandResult Run(Invocation invocation)
    {
        IReadOnlyList<ItemView> targets = invocation.Targets();
        string? reason = invocation.Text("reason") is { } given && given != "unspecified" ? given : null;
        ItemId[] authorities = invocation.Environment.Store.Write(writer =>
        {
            var cas = new HashSet<ItemId>();
            foreach (ItemView target in targets)
            {
                CertificateEntry entry = writer.Certificate(target.Id!.Value) ?? throw Errors.NoSuchItem();
                if (entry.IssuedBy is not { } ca)
                {
                    throw Errors.Failure($"{entry.Name} was not issued by a local CA");
                }

                if (entry.Revoked is not null)
                {
                    throw Errors.Failure($"{entry.Name} is already revoked");
                }

                writer.Update(entry with { Revoked = invocation.Now, RevocationReason = reason });
                cas.Add(ca);
            }

            foreach (ItemId ca in cas)
            {
                writer.MarkCrlStale(ca);
            }

            return cas.ToArray();
        });
        foreach (ItemId ca in authorities)
        {
            CrlPublisher.Rebuild(invocation.Environment, ca);
        }

        return CommandResult.None;
    }
}

using Microsoft.AspNetCore.Http;
using RosCert.Commands.Values;

namespace RosCert.Server.Rest;

/// <summary>
/// The query string of <c>GET</c> (RouterOS REST page, "GET method"): <c>.proplist=a,b</c> limits the
/// properties, <c>.id=*1</c> picks items, every other <c>name=value</c> is an equality filter and
/// all of them must match (<c>GET /rest/certificate?trusted=true&amp;.proplist=name</c>).
/// </summary>
internal static class RestQueryString
{
    public static RestArguments Read(IQueryCollection query)
    {
        var arguments = new RestArguments();
        var filters = new List<KeyValuePair<string, string>>();
        foreach ((string name, Microsoft.Extensions.Primitives.StringValues values) in query)
        {
            foreach (string? value in values)
            {
                switch (name)
                {
                    case ".proplist":
                        arguments.Proplist = RestArguments.SplitProplist(value ?? "");
                        break;
                    case ".id":
                        // Conditions see properties only; the id selects through print's `from`.
                        arguments.Add("from", RosValue.Of(value ?? ""));
                        break;
                    default:
                        filters.Add(new(name, value ?? ""));
                        break;
                }
            }
        }

        arguments.Query = RestQuery.AllEqual(filters);
        return arguments;
    }
}

namespace RosCert.Store;

/// <summary>
/// The store cannot be used as it is: a database from a newer RosCert, a master key file with the
/// wrong length or permissions, a row that no longer maps to the model. These are operator errors
/// that the host prints and exits on, not RouterOS command errors.
/// </summary>
public sealed class StoreException : Exception
{
    public StoreException()
        : base("the store cannot be used")
    {
    }

    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

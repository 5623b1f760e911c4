"""newsextract: typed, source-grounded records from Chinese government and party news."""

__version__ = "0.1.0"

window.contactgenMock = null;

location.replace(document.querySelector("link[rel=canonical]").href + location.hash);
